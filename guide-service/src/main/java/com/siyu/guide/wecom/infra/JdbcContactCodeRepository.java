package com.siyu.guide.wecom.infra;

import com.siyu.common.context.CallerContext;
import com.siyu.guide.wecom.domain.ContactCode;
import com.siyu.guide.wecom.domain.ContactCodeRepository;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class JdbcContactCodeRepository implements ContactCodeRepository {

    private final JdbcTemplate jdbc;

    JdbcContactCodeRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long create(ContactCode.Kind kind, String channel, Long storeId, List<Long> guideIds, String welcomeText, List<String> tags, Long staffId,
                       Instant now) {
        long tenant = CallerContext.requireTenant();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("insert into guide_wecom_contact_code (tenant_id, kind, channel, store_id, guide_ids,"
                    + " welcome_text, created_by, created_at, tags) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS);
            insert.setLong(1, tenant);
            insert.setString(2, kind.name());
            insert.setString(3, channel);
            insert.setObject(4, storeId);
            insert.setString(5, guideIds.stream().map(String::valueOf).collect(Collectors.joining(",")));
            insert.setString(6, welcomeText);
            insert.setObject(7, staffId);
            insert.setTimestamp(8, Timestamp.from(now));
            insert.setString(9, tags == null || tags.isEmpty() ? null : String.join("\n", tags));
            return insert;
        }, key);
        return key.getKey().longValue();
    }

    @Override
    public void issued(long id, String configId, String qrCode) {
        jdbc.update("update guide_wecom_contact_code set config_id = ?, qr_code = ? where tenant_id = ? and id = ?", configId, qrCode,
                CallerContext.requireTenant(), id);
    }

    @Override
    public void delete(long id) {
        jdbc.update("delete from guide_wecom_contact_code where tenant_id = ? and id = ?", CallerContext.requireTenant(), id);
    }

    @Override
    public Optional<ContactCode> find(long id) {
        return jdbc.query("select * from guide_wecom_contact_code where tenant_id = ? and id = ?", JdbcContactCodeRepository::toCode,
                CallerContext.requireTenant(), id).stream().findFirst();
    }

    @Override
    public List<ContactCode> list(ContactCode.Kind kind, Long storeId) {
        StringBuilder sql = new StringBuilder("select * from guide_wecom_contact_code where tenant_id = ?");
        List<Object> args = new java.util.ArrayList<>(List.of(CallerContext.requireTenant()));
        if (kind != null) {
            sql.append(" and kind = ?");
            args.add(kind.name());
        }
        if (storeId != null) {
            sql.append(" and store_id = ?");
            args.add(storeId);
        }
        return jdbc.query(sql.append(" order by id").toString(), JdbcContactCodeRepository::toCode, args.toArray());
    }

    private static ContactCode toCode(ResultSet rs, int n) throws SQLException {
        String ids = rs.getString("guide_ids");
        return new ContactCode(rs.getLong("id"), ContactCode.Kind.valueOf(rs.getString("kind")), rs.getString("channel"),
                (Long) rs.getObject("store_id"), ids.isEmpty() ? List.of() : Arrays.stream(ids.split(",")).map(Long::valueOf).toList(),
                rs.getString("config_id"), rs.getString("qr_code"), rs.getString("welcome_text"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("tags") == null ? List.of() : List.of(rs.getString("tags").split("\n")));
    }
}

package com.siyu.guide.commission.infra;

import com.siyu.common.context.CallerContext;
import com.siyu.guide.commission.domain.ShareLink;
import com.siyu.guide.commission.domain.ShareLinkRepository;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Share links and visits in plain JDBC, every statement naming the tenant in context. */
@Repository
class JdbcShareLinkRepository implements ShareLinkRepository {

    private final JdbcTemplate jdbc;

    JdbcShareLinkRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long create(long guideId, ShareLink.Kind kind, String title, Long merchantId, String sku, Long couponTemplateId, String campaign,
                       Instant now, Instant expiresAt) {
        long tenant = CallerContext.requireTenant();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("insert into guide_share_link (tenant_id, guide_id, kind, title, merchant_id, sku,"
                    + " coupon_template_id, campaign, created_at, expires_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS);
            insert.setLong(1, tenant);
            insert.setLong(2, guideId);
            insert.setString(3, kind.name());
            insert.setString(4, title);
            insert.setObject(5, merchantId);
            insert.setString(6, sku);
            insert.setObject(7, couponTemplateId);
            insert.setString(8, campaign);
            insert.setTimestamp(9, Timestamp.from(now));
            insert.setTimestamp(10, Timestamp.from(expiresAt));
            return insert;
        }, key);
        return key.getKey().longValue();
    }

    @Override
    public Optional<ShareLink> find(long id) {
        return jdbc.query("select * from guide_share_link where tenant_id = ? and id = ?", JdbcShareLinkRepository::toLink,
                CallerContext.requireTenant(), id).stream().findFirst();
    }

    @Override
    public void visit(long linkId, long memberId, Instant at) {
        Timestamp when = Timestamp.from(at);
        jdbc.update("insert into guide_share_visit (tenant_id, link_id, member_id, first_opened_at, last_opened_at, opens) values (?, ?, ?, ?, ?, 1)"
                + " on duplicate key update last_opened_at = greatest(last_opened_at, values(last_opened_at)), opens = opens + 1",
                CallerContext.requireTenant(), linkId, memberId, when, when);
    }

    @Override
    public Optional<VisitSpan> visitSpan(long linkId, long memberId) {
        return jdbc.query("select first_opened_at, last_opened_at from guide_share_visit where tenant_id = ? and link_id = ? and member_id = ?",
                (rs, i) -> new VisitSpan(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()), CallerContext.requireTenant(), linkId,
                memberId).stream().findFirst();
    }

    @Override
    public List<ShareLink.Performance> performanceOf(long guideId, long beforeId, int limit) {
        long tenant = CallerContext.requireTenant();
        return jdbc.query("select l.*,"
                + " (select count(*) from guide_share_visit v where v.tenant_id = l.tenant_id and v.link_id = l.id) visitors,"
                + " (select coalesce(sum(v.opens), 0) from guide_share_visit v where v.tenant_id = l.tenant_id and v.link_id = l.id) opens,"
                + " (select count(*) from guide_attribution a where a.tenant_id = l.tenant_id and a.link_id = l.id) orders,"
                + " (select coalesce(sum(a.paid_fen), 0) from guide_attribution a where a.tenant_id = l.tenant_id and a.link_id = l.id) paid,"
                + " (select coalesce(sum(a.refunded_fen), 0) from guide_attribution a where a.tenant_id = l.tenant_id and a.link_id = l.id) refunded"
                + " from guide_share_link l where l.tenant_id = ? and l.guide_id = ? and l.id < ? order by l.id desc limit ?",
                (rs, i) -> new ShareLink.Performance(toLink(rs, i), rs.getLong("visitors"), rs.getLong("opens"), rs.getLong("orders"),
                        rs.getLong("paid"), rs.getLong("refunded")), tenant, guideId, beforeId, limit);
    }

    private static ShareLink toLink(ResultSet rs, int row) throws SQLException {
        return new ShareLink(rs.getLong("id"), rs.getLong("guide_id"), ShareLink.Kind.valueOf(rs.getString("kind")), rs.getString("title"),
                rs.getObject("merchant_id", Long.class), rs.getString("sku"), rs.getObject("coupon_template_id", Long.class), rs.getString("campaign"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("expires_at").toInstant());
    }
}

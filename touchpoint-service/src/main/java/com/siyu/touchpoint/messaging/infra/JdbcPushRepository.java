package com.siyu.touchpoint.messaging.infra;

import com.siyu.common.context.CallerContext;
import com.siyu.common.crypto.SecretBox;
import com.siyu.touchpoint.messaging.domain.PushAccount;
import com.siyu.touchpoint.messaging.domain.PushDevice;
import com.siyu.touchpoint.messaging.domain.PushRepository;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcPushRepository implements PushRepository {

    private final JdbcTemplate jdbc;
    private final SecretBox secrets;

    JdbcPushRepository(JdbcTemplate jdbc, SecretBox secrets) {
        this.jdbc = jdbc;
        this.secrets = secrets;
    }

    private static long tenant() {
        return CallerContext.requireTenant();
    }

    @Override
    public Optional<PushAccount> account() {
        return jdbc.query("select app_key, master_secret, apns_production from tp_push_account where tenant_id = ?", (rs, n) -> new PushAccount(
                rs.getString(1), secrets.open(rs.getString(2)), rs.getBoolean(3)), tenant()).stream().findFirst();
    }

    @Override
    public void saveAccount(PushAccount account, Instant now) {
        // the primary key is the tenant: "on duplicate key" only meets this tenant's own row
        jdbc.update("insert into tp_push_account (tenant_id, app_key, master_secret, apns_production, updated_at) values (?, ?, ?, ?, ?)"
                + " on duplicate key update app_key = values(app_key), master_secret = values(master_secret),"
                + " apns_production = values(apns_production), updated_at = values(updated_at)", tenant(), account.appKey(),
                secrets.seal(account.masterSecret()), account.apnsProduction(), Timestamp.from(now));
    }

    @Override
    public void register(long memberId, String registrationId, PushDevice.Platform platform, Instant now) {
        // the primary key is (tenant, registration id): "on duplicate key" only meets this tenant's row of the device, which
        // becomes this member's
        jdbc.update("insert into tp_push_device (tenant_id, registration_id, member_id, platform, registered_at) values (?, ?, ?, ?, ?)"
                + " on duplicate key update member_id = values(member_id), platform = values(platform), registered_at = values(registered_at)",
                tenant(), registrationId, memberId, platform.name(), Timestamp.from(now));
    }

    @Override
    public List<PushDevice> devices(long memberId) {
        return jdbc.query("select registration_id, platform, registered_at from tp_push_device where tenant_id = ? and member_id = ?"
                + " order by registered_at desc, registration_id", (rs, n) -> new PushDevice(rs.getString(1),
                PushDevice.Platform.valueOf(rs.getString(2)), rs.getTimestamp(3).toInstant()), tenant(), memberId);
    }

    @Override
    public void keepNewest(long memberId, int keep) {
        List<String> all = jdbc.queryForList("select registration_id from tp_push_device where tenant_id = ? and member_id = ?"
                + " order by registered_at desc, registration_id", String.class, tenant(), memberId);
        for (String old : all.subList(Math.min(keep, all.size()), all.size())) {
            jdbc.update("delete from tp_push_device where tenant_id = ? and member_id = ? and registration_id = ?", tenant(), memberId, old);
        }
    }

    @Override
    public boolean unregister(long memberId, String registrationId) {
        return jdbc.update("delete from tp_push_device where tenant_id = ? and member_id = ? and registration_id = ?", tenant(), memberId,
                registrationId) == 1;
    }

    @Override
    public Map<Long, List<String>> registrationIds(Collection<Long> memberIds) {
        Map<Long, List<String>> found = new LinkedHashMap<>();
        List<Long> ids = List.copyOf(memberIds);
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            List<Object> args = new ArrayList<>(chunk.size() + 1);
            args.add(tenant());
            args.addAll(chunk);
            jdbc.query("select member_id, registration_id from tp_push_device where tenant_id = ? and member_id in ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ") order by member_id, registered_at desc, registration_id",
                    rs -> {
                        found.computeIfAbsent(rs.getLong(1), m -> new ArrayList<>()).add(rs.getString(2));
                    }, args.toArray());
        }
        return found;
    }
}

package com.siyu.touchpoint.follower.infra;

import com.siyu.common.context.CallerContext;
import com.siyu.common.crypto.SecretBox;
import com.siyu.touchpoint.follower.domain.Follower;
import com.siyu.touchpoint.follower.domain.FollowerRepository;
import com.siyu.touchpoint.follower.domain.MpPushAccount;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcFollowerRepository implements FollowerRepository {

    private final JdbcTemplate jdbc;
    private final SecretBox secrets;

    JdbcFollowerRepository(JdbcTemplate jdbc, SecretBox secrets) {
        this.jdbc = jdbc;
        this.secrets = secrets;
    }

    private static long tenant() {
        return CallerContext.requireTenant();
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    @Override
    public Optional<MpPushAccount> pushAccount() {
        return jdbc.query("select token, encoding_aes_key from tp_mp_push where tenant_id = ?", (rs, n) -> new MpPushAccount(secrets.open(rs.getString(1)),
                secrets.open(rs.getString(2))), tenant()).stream().findFirst();
    }

    @Override
    public void savePushAccount(MpPushAccount account, Instant now) {
        // the primary key is the tenant: "on duplicate key" only meets this tenant's own row
        jdbc.update("insert into tp_mp_push (tenant_id, token, encoding_aes_key, updated_at) values (?, ?, ?, ?) on duplicate key update"
                + " token = values(token), encoding_aes_key = values(encoding_aes_key), updated_at = values(updated_at)", tenant(),
                secrets.seal(account.token()), secrets.seal(account.encodingAesKey()), ts(now));
    }

    @Override
    public void followed(String openId, Long memberId, Instant at, Instant now) {
        jdbc.update("insert into tp_mp_follower (tenant_id, open_id, member_id, subscribed, subscribed_at, last_interaction_at, updated_at)"
                + " values (?, ?, ?, 1, ?, ?, ?) on duplicate key update member_id = coalesce(values(member_id), member_id),"
                // a late copy of an older follow neither re-subscribes after a later unfollow nor moves the times back
                + " subscribed = if(unsubscribed_at is null or unsubscribed_at <= values(subscribed_at), 1, subscribed),"
                + " subscribed_at = greatest(coalesce(subscribed_at, values(subscribed_at)), values(subscribed_at)),"
                + " last_interaction_at = greatest(last_interaction_at, values(last_interaction_at)), updated_at = values(updated_at)",
                tenant(), openId, memberId, ts(at), ts(at), ts(now));
    }

    @Override
    public void unfollowed(String openId, Instant at, Instant now) {
        jdbc.update("insert into tp_mp_follower (tenant_id, open_id, subscribed, unsubscribed_at, last_interaction_at, updated_at)"
                + " values (?, ?, 0, ?, ?, ?) on duplicate key update"
                + " subscribed = if(subscribed_at is null or subscribed_at <= values(unsubscribed_at), 0, subscribed),"
                + " unsubscribed_at = greatest(coalesce(unsubscribed_at, values(unsubscribed_at)), values(unsubscribed_at)), updated_at = values(updated_at)",
                tenant(), openId, ts(at), ts(at), ts(now));
    }

    @Override
    public void interacted(String openId, Instant at, Instant now) {
        // someone who writes to the account follows it (a follow before our push settings existed was never heard)
        jdbc.update("insert into tp_mp_follower (tenant_id, open_id, subscribed, last_interaction_at, updated_at) values (?, ?, 1, ?, ?)"
                + " on duplicate key update last_interaction_at = greatest(last_interaction_at, values(last_interaction_at)), updated_at = values(updated_at)",
                tenant(), openId, ts(at), ts(now));
    }

    @Override
    public Optional<Follower> follower(String openId) {
        return followers(List.of(openId)).values().stream().findFirst();
    }

    @Override
    public Map<String, Follower> followers(Collection<String> openIds) {
        Map<String, Follower> found = new LinkedHashMap<>();
        if (openIds.isEmpty()) {
            return found;
        }
        List<Object> args = new ArrayList<>();
        args.add(tenant());
        args.addAll(openIds);
        jdbc.query("select * from tp_mp_follower where tenant_id = ? and open_id in (" + String.join(", ", java.util.Collections.nCopies(openIds.size(), "?"))
                + ")", rs -> {
                    Follower f = follower(rs);
                    found.put(f.openId(), f);
                }, args.toArray());
        return found;
    }

    @Override
    public void matchTried(String openId, Long memberId, Instant now) {
        jdbc.update("update tp_mp_follower set member_id = coalesce(member_id, ?), match_tried_at = ? where tenant_id = ? and open_id = ?", memberId,
                ts(now), tenant(), openId);
    }

    @Override
    public Map<Long, List<String>> unmatched(Instant since, int perTenant) {
        Map<Long, List<String>> out = new LinkedHashMap<>();
        // the one cross-tenant read: which tenants have followers to match, then those of each tried longest ago
        for (Long tenant : jdbc.queryForList("select distinct tenant_id from tp_mp_follower where member_id is null and subscribed = 1"
                + " and last_interaction_at >= ?", Long.class, ts(since))) {
            out.put(tenant, jdbc.queryForList("select open_id from tp_mp_follower where tenant_id = ? and member_id is null and subscribed = 1"
                    + " and last_interaction_at >= ? order by match_tried_at is not null, match_tried_at limit ?", String.class, tenant, ts(since), perTenant));
        }
        return out;
    }

    private static Follower follower(ResultSet rs) throws SQLException {
        long member = rs.getLong("member_id");
        Long memberId = rs.wasNull() ? null : member;
        Timestamp subscribedAt = rs.getTimestamp("subscribed_at");
        return new Follower(rs.getString("open_id"), memberId, rs.getBoolean("subscribed"),
                subscribedAt == null ? null : subscribedAt.toInstant(), rs.getTimestamp("last_interaction_at").toInstant());
    }
}

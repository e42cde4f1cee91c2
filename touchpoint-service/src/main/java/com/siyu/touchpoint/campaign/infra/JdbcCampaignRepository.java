package com.siyu.touchpoint.campaign.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyu.common.context.CallerContext;
import com.siyu.touchpoint.campaign.domain.Campaign;
import com.siyu.touchpoint.campaign.domain.CampaignReport;
import com.siyu.touchpoint.campaign.domain.CampaignRepository;
import com.siyu.touchpoint.messaging.domain.Send;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class JdbcCampaignRepository implements CampaignRepository {

    private static final TypeReference<List<Campaign.Arm>> ARMS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    JdbcCampaignRepository(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    private static long tenant() {
        return CallerContext.requireTenant();
    }

    @Override
    public long create(Campaign c) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("insert into tp_campaign (tenant_id, name, status, segment_id, schedule, start_at,"
                    + " best_hour, on_cap, coupon_template_id, coupon_name, arms, created_by, created_at, updated_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS);
            insert.setLong(1, tenant());
            insert.setString(2, c.name());
            insert.setString(3, c.status().name());
            insert.setLong(4, c.segmentId());
            insert.setString(5, c.schedule().name());
            insert.setTimestamp(6, Timestamp.from(c.startAt()));
            insert.setBoolean(7, c.bestHour());
            insert.setString(8, c.onCap().name());
            insert.setObject(9, c.couponTemplateId());
            insert.setString(10, c.couponName());
            insert.setString(11, write(c.arms()));
            insert.setLong(12, c.createdBy());
            insert.setTimestamp(13, Timestamp.from(c.createdAt()));
            insert.setTimestamp(14, Timestamp.from(c.updatedAt()));
            return insert;
        }, key);
        return key.getKey().longValue();
    }

    @Override
    public Optional<Campaign> find(long id) {
        return jdbc.query("select * from tp_campaign where tenant_id = ? and id = ?", this::toCampaign, tenant(), id).stream().findFirst();
    }

    @Override
    public List<Campaign> list(Campaign.Status status, int limit) {
        if (status == null) {
            return jdbc.query("select * from tp_campaign where tenant_id = ? order by id desc limit ?", this::toCampaign, tenant(), limit);
        }
        return jdbc.query("select * from tp_campaign where tenant_id = ? and status = ? order by id desc limit ?", this::toCampaign, tenant(),
                status.name(), limit);
    }

    @Override
    public boolean move(long id, List<Campaign.Status> from, Campaign.Status to, Instant runAt, Integer run, Instant now) {
        String in = String.join(", ", Collections.nCopies(from.size(), "?"));
        List<Object> args = new ArrayList<>(java.util.Arrays.asList(to.name(), runAt == null ? null : Timestamp.from(runAt), run, Timestamp.from(now), tenant(), id));
        from.forEach(s -> args.add(s.name()));
        return jdbc.update("update tp_campaign set status = ?, run_at = coalesce(?, run_at), run = coalesce(?, run), updated_at = ?, last_error = null"
                + " where tenant_id = ? and id = ? and status in (" + in + ")", args.toArray()) == 1;
    }

    @Override
    public Map<Long, List<Long>> active(Instant now, int limit) {
        // every tenant's: the job runs for all of them
        Map<Long, List<Long>> byTenant = new LinkedHashMap<>();
        jdbc.query("select tenant_id, id from tp_campaign where status = 'RUNNING' or (status = 'SCHEDULED' and run_at <= ?) order by id limit ?",
                rs -> {
                    byTenant.computeIfAbsent(rs.getLong(1), t -> new ArrayList<>()).add(rs.getLong(2));
                }, Timestamp.from(now), limit);
        return byTenant;
    }

    @Override
    public boolean advanced(long id, long after, long next, int members, int made, Instant now) {
        return jdbc.update("update tp_campaign set cursor_after = ?, members_seen = members_seen + ?, sends_made = sends_made + ?, updated_at = ?,"
                + " last_error = null where tenant_id = ? and id = ? and status = 'RUNNING' and cursor_after = ?", next, members, made,
                Timestamp.from(now), tenant(), id, after) == 1;
    }

    @Override
    public void runEnded(long id, Campaign.Schedule schedule, Instant nextRunAt, Instant now) {
        if (schedule != Campaign.Schedule.ONCE) {
            jdbc.update("update tp_campaign set status = 'SCHEDULED', run = run + 1, run_at = ?, cursor_after = 0, updated_at = ?"
                    + " where tenant_id = ? and id = ? and status = 'RUNNING'", Timestamp.from(nextRunAt), Timestamp.from(now), tenant(), id);
        } else {
            jdbc.update("update tp_campaign set status = 'DONE', updated_at = ? where tenant_id = ? and id = ? and status = 'RUNNING'",
                    Timestamp.from(now), tenant(), id);
        }
    }

    @Override
    public void failed(long id, String error, Instant now) {
        jdbc.update("update tp_campaign set last_error = ?, updated_at = ? where tenant_id = ? and id = ?",
                error == null || error.length() <= 200 ? error : error.substring(0, 200), Timestamp.from(now), tenant(), id);
    }

    @Override
    public int skipQueued(long id, Instant now) {
        return jdbc.update("update tp_send set status = 'SKIPPED', reason = 'CAMPAIGN_CANCELLED' where tenant_id = ? and campaign_id = ?"
                + " and status = 'QUEUED'", tenant(), id);
    }

    @Override
    public Map<Long, List<Instant>> clicks(List<Long> memberIds, Instant since) {
        Map<Long, List<Instant>> out = new TreeMap<>();
        String in = String.join(", ", Collections.nCopies(memberIds.size(), "?"));
        List<Object> args = new ArrayList<>(List.of(tenant(), Timestamp.from(since)));
        args.addAll(memberIds);
        jdbc.query("select member_id, clicked_at from tp_click where tenant_id = ? and clicked_at >= ? and member_id in (" + in + ")", rs -> {
            out.computeIfAbsent(rs.getLong(1), m -> new ArrayList<>()).add(rs.getTimestamp(2).toInstant());
        }, args.toArray());
        return out;
    }

    /** Counters of one arm while the report is read. */
    private static final class Tally {
        long sends;
        long queued;
        long sent;
        long fellBack;
        long coupons;
        long clicked;
        long converted;
        long attributedFen;
        long couponsUsed;
        long couponDiscountFen;
        long couponMallFen;
        final Map<String, Long> sentBy = new TreeMap<>();
        final Map<String, Long> skippedBy = new TreeMap<>();
        final Map<String, Long> failedBy = new TreeMap<>();
        final Map<String, Long> deferredBy = new TreeMap<>();
    }

    @Override
    public List<CampaignReport.Arm> report(long id) {
        Map<String, Tally> arms = new TreeMap<>();
        jdbc.query("select arm, status, coalesce(reason, ''), channel, deferred_for, tried is not null, count(*), count(first_clicked_at), count(coupon_id)"
                + " from tp_send where tenant_id = ? and campaign_id = ? group by arm, status, reason, channel, deferred_for, tried is not null", rs -> {
                    Tally t = arms.computeIfAbsent(rs.getString(1), a -> new Tally());
                    long n = rs.getLong(7);
                    t.sends += n;
                    t.clicked += rs.getLong(8);
                    t.coupons += rs.getLong(9);
                    if (rs.getBoolean(6)) {
                        t.fellBack += n;
                    }
                    if (rs.getString(5) != null) {
                        t.deferredBy.merge(rs.getString(5), n, Long::sum);
                    }
                    switch (Send.Status.valueOf(rs.getString(2))) {
                        case QUEUED, SENDING -> t.queued += n;
                        case SENT -> {
                            t.sent += n;
                            t.sentBy.merge(rs.getString(4), n, Long::sum);
                        }
                        case SKIPPED -> t.skippedBy.merge(rs.getString(3), n, Long::sum);
                        case FAILED -> t.failedBy.merge(rs.getString(3), n, Long::sum);
                        default -> throw new IllegalStateException("unreachable");
                    }
                }, tenant(), id);
        jdbc.query("select s.arm, count(*), coalesce(sum(c.gross_fen - c.refunded_fen), 0) from tp_conversion c join tp_send s on s.tenant_id = c.tenant_id"
                + " and s.id = c.last_send_id where c.tenant_id = ? and s.campaign_id = ? group by s.arm", rs -> {
                    Tally t = arms.computeIfAbsent(rs.getString(1), a -> new Tally());
                    t.converted += rs.getLong(2);
                    t.attributedFen += rs.getLong(3);
                }, tenant(), id);
        jdbc.query("select arm, count(*), sum(coupon_used_fen), sum(coupon_mall_fen) from tp_send where tenant_id = ? and campaign_id = ?"
                + " and coupon_payment_no is not null group by arm", rs -> {
                    Tally t = arms.computeIfAbsent(rs.getString(1), a -> new Tally());
                    t.couponsUsed += rs.getLong(2);
                    t.couponDiscountFen += rs.getLong(3);
                    t.couponMallFen += rs.getLong(4);
                }, tenant(), id);
        List<CampaignReport.Arm> out = new ArrayList<>();
        arms.forEach((arm, t) -> out.add(new CampaignReport.Arm(arm, t.sends, t.queued, t.sent, t.sentBy, t.skippedBy, t.failedBy, t.deferredBy,
                t.fellBack, t.coupons, t.clicked, t.converted, t.attributedFen, t.couponsUsed, t.couponDiscountFen, t.couponMallFen)));
        return out;
    }

    private Campaign toCampaign(ResultSet rs, int n) throws SQLException {
        Timestamp runAt = rs.getTimestamp("run_at");
        return new Campaign(rs.getLong("id"), rs.getString("name"), Campaign.Status.valueOf(rs.getString("status")), rs.getLong("segment_id"),
                Campaign.Schedule.valueOf(rs.getString("schedule")), rs.getTimestamp("start_at").toInstant(), rs.getBoolean("best_hour"),
                Send.OnCap.valueOf(rs.getString("on_cap")), rs.getObject("coupon_template_id", Long.class), rs.getString("coupon_name"),
                read(rs.getString("arms")), rs.getInt("run"), runAt == null ? null : runAt.toInstant(), rs.getLong("cursor_after"),
                rs.getLong("members_seen"), rs.getLong("sends_made"), rs.getString("last_error"), rs.getLong("created_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    private String write(List<Campaign.Arm> arms) {
        try {
            return json.writeValueAsString(arms);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Campaign arms did not serialise", e);
        }
    }

    private List<Campaign.Arm> read(String text) {
        try {
            return json.readValue(text, ARMS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored campaign arms are not JSON", e);
        }
    }
}

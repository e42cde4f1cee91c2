package com.siyu.guide.commission.infra;

import com.siyu.common.context.CallerContext;
import com.siyu.guide.commission.domain.CommissionLine;
import com.siyu.guide.commission.domain.CommissionRepository;
import com.siyu.guide.commission.domain.CommissionRule;
import com.siyu.guide.commission.domain.Commissions;
import com.siyu.guide.commission.domain.ShareLinks;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The commission tables in plain JDBC, every statement naming the tenant in context (the settle job excepted). */
@Repository
class JdbcCommissionRepository implements CommissionRepository {

    private final JdbcTemplate jdbc;

    JdbcCommissionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean attribute(NewAttribution a) {
        try {
            jdbc.update("insert into guide_attribution (tenant_id, order_no, payment_no, member_id, guide_id, store_id, merchant_id, category,"
                    + " gross_fen, paid_fen, paid_at, via, link_id, campaign) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", tenant(), a.orderNo(),
                    a.paymentNo(), a.memberId(), a.guideId(), a.storeId(), a.merchantId(), a.category(), a.grossFen(), a.paidFen(),
                    Timestamp.from(a.paidAt()), a.via(), a.linkId(), a.campaign());
            return true;
        } catch (DuplicateKeyException seen) {
            return false;
        }
    }

    @Override
    public Optional<Attribution> lockAttribution(String orderNo) {
        return jdbc.query("select order_no, member_id, guide_id, gross_fen, paid_fen, refunded_fen from guide_attribution"
                + " where tenant_id = ? and order_no = ? for update", (rs, i) -> {
                    long guide = rs.getLong("guide_id");
                    Long guideId = rs.wasNull() ? null : guide;
                    return new Attribution(rs.getString("order_no"), rs.getLong("member_id"), guideId, rs.getLong("gross_fen"), rs.getLong("paid_fen"),
                            rs.getLong("refunded_fen"));
                }, tenant(), orderNo).stream().findFirst();
    }

    @Override
    public void addRefunded(String orderNo, long refundGross) {
        jdbc.update("update guide_attribution set refunded_fen = least(gross_fen, refunded_fen + ?) where tenant_id = ? and order_no = ?",
                refundGross, tenant(), orderNo);
    }

    @Override
    public List<CommissionRule> rules() {
        return jdbc.query("select * from guide_commission_rule where tenant_id = ? order by id", (rs, i) -> new CommissionRule(rs.getLong("id"),
                nullableLong(rs, "merchant_id"), rs.getString("category"), rs.getString("campaign"), CommissionRule.Kind.valueOf(rs.getString("kind")), rs.getLong("value"),
                nullableLong(rs, "cap_fen"), rs.getBoolean("active")), tenant());
    }

    @Override
    public long addRule(Long merchantId, String category, String campaign, CommissionRule.Kind kind, long value, Long capFen, Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        long tenant = tenant();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("insert into guide_commission_rule (tenant_id, merchant_id, category, campaign,"
                    + " kind, value, cap_fen, active, created_at) values (?, ?, ?, ?, ?, ?, ?, 1, ?)", Statement.RETURN_GENERATED_KEYS);
            insert.setLong(1, tenant);
            insert.setObject(2, merchantId);
            insert.setString(3, category);
            insert.setString(4, campaign);
            insert.setString(5, kind.name());
            insert.setLong(6, value);
            insert.setObject(7, capFen);
            insert.setTimestamp(8, Timestamp.from(now));
            return insert;
        }, key);
        return key.getKey().longValue();
    }

    @Override
    public boolean deactivateRule(long id) {
        return jdbc.update("update guide_commission_rule set active = 0 where tenant_id = ? and id = ?", tenant(), id) == 1;
    }

    @Override
    public Policy policy() {
        return jdbc.query("select refund_window_days, link_attribution_days from guide_commission_policy where tenant_id = ?",
                (rs, i) -> new Policy(rs.getInt(1), rs.getInt(2)), tenant()).stream().findFirst()
                .orElse(new Policy(Commissions.DEFAULT_REFUND_WINDOW_DAYS, ShareLinks.DEFAULT_ATTRIBUTION_DAYS));
    }

    @Override
    public void setPolicy(Policy policy, Instant now) {
        jdbc.update("insert into guide_commission_policy (tenant_id, refund_window_days, link_attribution_days, updated_at) values (?, ?, ?, ?)"
                + " on duplicate key update refund_window_days = values(refund_window_days), link_attribution_days = values(link_attribution_days),"
                + " updated_at = values(updated_at)", tenant(), policy.refundWindowDays(), policy.linkAttributionDays(), Timestamp.from(now));
    }

    @Override
    public boolean appendLine(long guideId, long memberId, String orderNo, String kind, String bizKey, long baseFen, long amountFen, String status,
                              Instant settleAfter, Instant now) {
        try {
            jdbc.update("insert into guide_commission_line (tenant_id, guide_id, member_id, order_no, kind, biz_key, base_fen, amount_fen, status,"
                    + " settle_after, created_at, settled_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", tenant(), guideId, memberId, orderNo, kind,
                    bizKey, baseFen, amountFen, status, Timestamp.from(settleAfter), Timestamp.from(now),
                    "SETTLED".equals(status) ? Timestamp.from(now) : null);
            return true;
        } catch (DuplicateKeyException appliedBefore) {
            return false;
        }
    }

    @Override
    public Optional<CommissionLine> earnLine(String orderNo) {
        return jdbc.query("select * from guide_commission_line where tenant_id = ? and biz_key = ?", JdbcCommissionRepository::toLine, tenant(),
                "earn:" + orderNo).stream().findFirst();
    }

    @Override
    public List<Settled> settleDue(Instant asOf, boolean allTenants) {
        Timestamp at = Timestamp.from(asOf);
        int settled = allTenants
                ? jdbc.update("update guide_commission_line set status = 'SETTLED', settled_at = ? where status = 'PENDING' and settle_after <= ?", at, at)
                : jdbc.update("update guide_commission_line set status = 'SETTLED', settled_at = ? where tenant_id = ? and status = 'PENDING'"
                        + " and settle_after <= ?", at, tenant(), at);
        if (settled == 0) {
            return List.of();
        }
        // this run's lines: SETTLED at exactly this instant (a refund after settlement is written SETTLED with its own time)
        return allTenants
                ? jdbc.query("select tenant_id, guide_id, count(*), sum(amount_fen) from guide_commission_line where status = 'SETTLED'"
                        + " and settled_at = ? group by tenant_id, guide_id", JdbcCommissionRepository::toSettled, at)
                : jdbc.query("select tenant_id, guide_id, count(*), sum(amount_fen) from guide_commission_line where tenant_id = ?"
                        + " and status = 'SETTLED' and settled_at = ? group by tenant_id, guide_id", JdbcCommissionRepository::toSettled, tenant(), at);
    }

    private static Settled toSettled(ResultSet rs, int row) throws SQLException {
        return new Settled(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getLong(4));
    }

    @Override
    @Transactional
    public Long payout(Long staffId, Instant now) {
        long tenant = tenant();
        Map<Long, Long> byGuide = new LinkedHashMap<>();
        Map<Long, List<Long>> lines = new LinkedHashMap<>();
        jdbc.query("select id, guide_id, amount_fen from guide_commission_line where tenant_id = ? and status = 'SETTLED' order by guide_id, id"
                + " for update", rs -> {
                    byGuide.merge(rs.getLong(2), rs.getLong(3), Long::sum);
                    lines.computeIfAbsent(rs.getLong(2), g -> new ArrayList<>()).add(rs.getLong(1));
                }, tenant);
        // a guide whose clawbacks exceed what settled carries the balance to the next payout
        byGuide.values().removeIf(total -> total <= 0);
        if (byGuide.isEmpty()) {
            return null;
        }
        long total = byGuide.values().stream().mapToLong(Long::longValue).sum();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("insert into guide_commission_payout (tenant_id, guides, total_fen, created_by,"
                    + " created_at) values (?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS);
            insert.setLong(1, tenant);
            insert.setInt(2, byGuide.size());
            insert.setLong(3, total);
            insert.setObject(4, staffId);
            insert.setTimestamp(5, Timestamp.from(now));
            return insert;
        }, key);
        long id = key.getKey().longValue();
        List<Object[]> paid = new ArrayList<>();
        byGuide.keySet().forEach(guide -> lines.get(guide).forEach(line -> paid.add(new Object[] {id, tenant, line})));
        jdbc.batchUpdate("update guide_commission_line set status = 'PAID', payout_id = ? where tenant_id = ? and id = ? and status = 'SETTLED'", paid);
        return id;
    }

    @Override
    public Map<String, Object> payoutSummary(long id) {
        return jdbc.queryForList("select id, guides, total_fen as totalFen, created_by as createdBy, created_at as createdAt"
                + " from guide_commission_payout where tenant_id = ? and id = ?", tenant(), id).stream().findFirst().orElse(null);
    }

    @Override
    public List<Map<String, Object>> payoutGuides(long id) {
        return jdbc.queryForList("select l.guide_id as guideId, g.name as name, g.staff_id as staffId, sum(l.amount_fen) as totalFen,"
                + " count(*) as lineCount from guide_commission_line l join guide g on g.id = l.guide_id and g.tenant_id = l.tenant_id"
                + " where l.tenant_id = ? and l.payout_id = ? group by l.guide_id, g.name, g.staff_id order by l.guide_id", tenant(), id);
    }

    @Override
    public List<CommissionLine> linesOf(long guideId, String status, long beforeId, int limit) {
        List<Object> args = new ArrayList<>(List.of(tenant(), guideId));
        String sql = "select * from guide_commission_line where tenant_id = ? and guide_id = ?";
        if (status != null) {
            sql += " and status = ?";
            args.add(status);
        }
        if (beforeId > 0) {
            sql += " and id < ?";
            args.add(beforeId);
        }
        args.add(limit);
        return jdbc.query(sql + " order by id desc limit ?", JdbcCommissionRepository::toLine, args.toArray());
    }

    @Override
    public List<Purchase> purchasesOf(long memberId, int limit) {
        return jdbc.query("select order_no, payment_no, guide_id, merchant_id, paid_fen, refunded_fen, paid_at from guide_attribution"
                + " where tenant_id = ? and member_id = ? order by paid_at desc, id desc limit ?", (rs, i) -> new Purchase(rs.getString("order_no"),
                rs.getString("payment_no"), nullableLong(rs, "guide_id"), rs.getLong("merchant_id"), rs.getLong("paid_fen"), rs.getLong("refunded_fen"),
                rs.getTimestamp("paid_at").toInstant()), tenant(), memberId, limit);
    }

    @Override
    public Map<String, Long> totalsFromMember(long memberId) {
        return totalsBy("member_id", memberId);
    }

    @Override
    public Map<String, Long> totalsOf(long guideId) {
        return totalsBy("guide_id", guideId);
    }

    /** Sums by status of the lines of one guide or one member ({@code column} is one of those two names, never input). */
    private Map<String, Long> totalsBy(String column, long id) {
        Map<String, Long> totals = new LinkedHashMap<>();
        totals.put("PENDING", 0L);
        totals.put("SETTLED", 0L);
        totals.put("PAID", 0L);
        jdbc.query("select status, sum(amount_fen) from guide_commission_line where tenant_id = ? and " + column + " = ? group by status",
                rs -> {
                    totals.put(rs.getString(1), rs.getLong(2));
                }, tenant(), id);
        return totals;
    }

    private static long tenant() {
        return CallerContext.requireTenant();
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static CommissionLine toLine(ResultSet rs, int row) throws SQLException {
        return new CommissionLine(rs.getLong("id"), rs.getLong("guide_id"), rs.getLong("member_id"), rs.getString("order_no"), rs.getString("kind"),
                rs.getLong("base_fen"), rs.getLong("amount_fen"), rs.getString("status"), rs.getTimestamp("settle_after").toInstant(),
                nullableLong(rs, "payout_id"), rs.getTimestamp("created_at").toInstant());
    }
}

package com.siyu.touchpoint.messaging.infra;

import com.siyu.common.context.CallerContext;
import com.siyu.touchpoint.messaging.domain.AttributionRepository;
import com.siyu.touchpoint.messaging.domain.Channel;
import com.siyu.touchpoint.messaging.domain.Send;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcAttributionRepository implements AttributionRepository {

    private final JdbcTemplate jdbc;
    private final JdbcMessagingRepository sends;

    JdbcAttributionRepository(JdbcTemplate jdbc, JdbcMessagingRepository sends) {
        this.jdbc = jdbc;
        this.sends = sends;
    }

    @Override
    public void couponUsed(long memberId, long couponId, long discountFen, long mallFen, String paymentNo) {
        jdbc.update("update tp_send set coupon_used_fen = ?, coupon_mall_fen = ?, coupon_payment_no = ? where tenant_id = ? and coupon_id = ?"
                + " and member_id = ? and coupon_payment_no is null", discountFen, mallFen, paymentNo, CallerContext.requireTenant(), couponId, memberId);
    }

    @Override
    public java.util.Map<Long, Long> attributedByStore(java.time.LocalDate from, java.time.LocalDate to) {
        java.util.Map<Long, Long> byStore = new java.util.TreeMap<>();
        jdbc.query("select store_id, sum(gross_fen - refunded_fen) from tp_conversion_store where tenant_id = ? and day >= ? and day <= ?"
                + " group by store_id", rs -> {
                    byStore.put(rs.getLong(1), rs.getLong(2));
                }, CallerContext.requireTenant(), from, to);
        return byStore;
    }

    @Override
    public List<GuideFigures> topGuides(java.time.LocalDate from, java.time.LocalDate to, int limit) {
        // the few sends that went through a guide, from ix_send_guide; their credited payments by primary key
        return jdbc.query("select s.guide_id, count(*), count(c.payment_no), coalesce(sum(c.gross_fen - c.refunded_fen), 0) from tp_send s"
                + " left join tp_conversion c on c.tenant_id = s.tenant_id and c.last_send_id = s.id"
                + " where s.tenant_id = ? and s.guide_id is not null and s.day >= ? and s.day <= ? and s.status = 'SENT'"
                + " group by s.guide_id order by 4 desc, 3 desc, 1 limit ?", (rs, n) -> new GuideFigures(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                rs.getLong(4)), CallerContext.requireTenant(), from, to, limit);
    }

    @Override
    public Optional<Send> sendByToken(String trackingToken) {
        return sends.byToken(trackingToken);
    }

    @Override
    public void click(long sendId, long memberId, Instant at) {
        jdbc.update("insert into tp_click (tenant_id, send_id, member_id, clicked_at) values (?, ?, ?, ?)", CallerContext.requireTenant(), sendId,
                memberId, Timestamp.from(at));
        if (jdbc.update("update tp_send set first_clicked_at = ? where tenant_id = ? and id = ? and first_clicked_at is null", Timestamp.from(at),
                CallerContext.requireTenant(), sendId) == 1) {
            sends.bump(sendId, JdbcMessagingRepository.DayFigure.CLICKED, 1);
        }
    }

    @Override
    public List<Long> clickedSends(long memberId, Instant from, Instant to) {
        return jdbc.queryForList("select send_id from tp_click where tenant_id = ? and member_id = ? and clicked_at >= ? and clicked_at <= ?"
                + " order by clicked_at, id", Long.class, CallerContext.requireTenant(), memberId, Timestamp.from(from), Timestamp.from(to));
    }

    @Override
    public boolean convert(String paymentNo, long memberId, long firstSendId, long lastSendId, long grossFen, Instant paidAt,
                           java.util.Map<Long, Long> grossByStore, java.time.LocalDate day) {
        // the primary key is (tenant, payment): a redelivered payment meets its own row only
        if (jdbc.update("insert ignore into tp_conversion (tenant_id, payment_no, member_id, first_send_id, last_send_id, gross_fen, paid_at)"
                + " values (?, ?, ?, ?, ?, ?, ?)", CallerContext.requireTenant(), paymentNo, memberId, firstSendId, lastSendId, grossFen,
                Timestamp.from(paidAt)) == 0) {
            return false;
        }
        sends.bump(lastSendId, JdbcMessagingRepository.DayFigure.CONVERTED, 1);
        sends.bump(lastSendId, JdbcMessagingRepository.DayFigure.ATTRIBUTED_FEN, grossFen);
        for (java.util.Map.Entry<Long, Long> store : grossByStore.entrySet()) {
            jdbc.update("insert into tp_conversion_store (tenant_id, payment_no, store_id, day, gross_fen) values (?, ?, ?, ?, ?)",
                    CallerContext.requireTenant(), paymentNo, store.getKey(), day, store.getValue());
        }
        return true;
    }

    @Override
    public boolean refund(String refundNo, String paymentNo, long grossFen, Long storeId, Instant at) {
        long tenant = CallerContext.requireTenant();
        // the conversion's row locked: concurrent refunds of one payment take their amounts off one after the other
        List<long[]> credited = jdbc.query("select last_send_id, gross_fen - refunded_fen from tp_conversion where tenant_id = ? and payment_no = ?"
                + " for update", (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}, tenant, paymentNo);
        if (credited.isEmpty()) {
            return false;
        }
        if (jdbc.update("insert ignore into tp_conversion_refund (tenant_id, refund_no, payment_no, gross_fen, at) values (?, ?, ?, ?, ?)", tenant,
                refundNo, paymentNo, grossFen, Timestamp.from(at)) == 0) {
            return false;
        }
        long taken = Math.min(grossFen, credited.get(0)[1]);
        jdbc.update("update tp_conversion set refunded_fen = refunded_fen + ? where tenant_id = ? and payment_no = ?", taken, tenant, paymentNo);
        sends.bump(credited.get(0)[0], JdbcMessagingRepository.DayFigure.ATTRIBUTED_FEN, -taken);
        if (storeId != null) {
            jdbc.update("update tp_conversion_store set refunded_fen = least(gross_fen, refunded_fen + ?) where tenant_id = ? and payment_no = ?"
                    + " and store_id = ?", grossFen, tenant, paymentNo, storeId);
        }
        return true;
    }

    @Override
    public List<Figures> dashboard(java.time.LocalDate from, java.time.LocalDate to) {
        long tenant = CallerContext.requireTenant();
        // the days' figures (tp_send_day: a row per day, channel and preset), and the members reached from ix_send_reach alone
        java.util.Map<String, long[]> rows = new java.util.TreeMap<>();
        jdbc.query("select channel, preset, sum(sends), sum(sent), sum(clicked), sum(converted), sum(attributed_fen) from tp_send_day"
                + " where tenant_id = ? and day >= ? and day <= ? group by channel, preset", rs -> {
            long[] r = rows.computeIfAbsent(rs.getString(1) + "|" + rs.getString(2), k -> new long[6]);
            r[0] = rs.getLong(3);
            r[1] = rs.getLong(4);
            r[3] = rs.getLong(5);
            r[4] = rs.getLong(6);
            r[5] = rs.getLong(7);
        }, tenant, from, to);
        jdbc.query("select channel, coalesce(preset, ''), count(distinct member_id) from tp_send where tenant_id = ? and day >= ? and day <= ?"
                + " and status = 'SENT' group by channel, preset", rs -> {
            rows.computeIfAbsent(rs.getString(1) + "|" + rs.getString(2), k -> new long[6])[2] = rs.getLong(3);
        }, tenant, from, to);
        return rows.entrySet().stream().map(e -> {
            String[] key = e.getKey().split("\\|", -1);
            long[] r = e.getValue();
            return new Figures(Channel.valueOf(key[0]), key[1].isEmpty() ? null : key[1], r[0], r[1], r[2], r[3], r[4], r[5]);
        }).toList();
    }
}

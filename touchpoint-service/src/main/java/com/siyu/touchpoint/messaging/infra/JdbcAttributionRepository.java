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
    public Optional<Send> sendByToken(String trackingToken) {
        return sends.byToken(trackingToken);
    }

    @Override
    public void click(long sendId, long memberId, Instant at) {
        jdbc.update("insert into tp_click (tenant_id, send_id, member_id, clicked_at) values (?, ?, ?, ?)", CallerContext.requireTenant(), sendId,
                memberId, Timestamp.from(at));
    }

    @Override
    public List<Long> clickedSends(long memberId, Instant from, Instant to) {
        return jdbc.queryForList("select send_id from tp_click where tenant_id = ? and member_id = ? and clicked_at >= ? and clicked_at <= ?"
                + " order by clicked_at, id", Long.class, CallerContext.requireTenant(), memberId, Timestamp.from(from), Timestamp.from(to));
    }

    @Override
    public boolean convert(String paymentNo, long memberId, long firstSendId, long lastSendId, long grossFen, Instant paidAt) {
        // the primary key is (tenant, payment): a redelivered payment meets its own row only
        return jdbc.update("insert ignore into tp_conversion (tenant_id, payment_no, member_id, first_send_id, last_send_id, gross_fen, paid_at)"
                + " values (?, ?, ?, ?, ?, ?, ?)", CallerContext.requireTenant(), paymentNo, memberId, firstSendId, lastSendId, grossFen,
                Timestamp.from(paidAt)) == 1;
    }

    @Override
    public boolean refund(String refundNo, String paymentNo, long grossFen, Instant at) {
        long tenant = CallerContext.requireTenant();
        Integer credited = jdbc.queryForObject("select count(*) from tp_conversion where tenant_id = ? and payment_no = ? for update", Integer.class,
                tenant, paymentNo);
        if (credited == null || credited == 0) {
            return false;
        }
        if (jdbc.update("insert ignore into tp_conversion_refund (tenant_id, refund_no, payment_no, gross_fen, at) values (?, ?, ?, ?, ?)", tenant,
                refundNo, paymentNo, grossFen, Timestamp.from(at)) == 0) {
            return false;
        }
        jdbc.update("update tp_conversion set refunded_fen = least(gross_fen, refunded_fen + ?) where tenant_id = ? and payment_no = ?", grossFen,
                tenant, paymentNo);
        return true;
    }

    @Override
    public List<Row> dashboard(Instant from, Instant to) {
        // one pass over the period's sends, their clicks and conversions by index (tenant, created_at)
        return jdbc.query("select s.channel, s.preset, count(*) sends, coalesce(sum(s.status = 'SENT'), 0) sent,"
                        + " count(distinct case when s.status = 'SENT' then s.member_id end) reached,"
                        + " coalesce(sum(exists (select 1 from tp_click c where c.tenant_id = s.tenant_id and c.send_id = s.id)), 0) clicked,"
                        + " coalesce(sum(v.n), 0) converted, coalesce(sum(v.fen), 0) attributed"
                        + " from tp_send s left join (select last_send_id, count(*) n, sum(gross_fen - refunded_fen) fen from tp_conversion"
                        + " where tenant_id = ? group by last_send_id) v on v.last_send_id = s.id"
                        + " where s.tenant_id = ? and s.created_at >= ? and s.created_at < ? group by s.channel, s.preset order by s.channel, s.preset",
                (rs, n) -> new Row(Channel.valueOf(rs.getString(1)), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                        rs.getLong(7), rs.getLong(8)),
                CallerContext.requireTenant(), CallerContext.requireTenant(), Timestamp.from(from), Timestamp.from(to));
    }
}

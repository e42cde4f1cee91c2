package com.siyu.payment.refund.infra;

import com.baomidou.mybatisplus.annotation.InterceptorIgnore;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface RefundMapper extends BaseMapper<RefundRow> {

    /** A payment's refunds one at a time: the version moves on only from the one the refund was computed on. */
    @Update("UPDATE checkout_payment SET refund_version = refund_version + 1"
            + " WHERE payment_no = #{paymentNo} AND status = 'PAID' AND refund_version = #{version}")
    int claimPayment(@Param("paymentNo") String paymentNo, @Param("version") int version);

    @Update("UPDATE merchant_order SET refunded_gross_fen = refunded_gross_fen + #{gross}"
            + " WHERE order_no = #{orderNo} AND refunded_gross_fen = #{before} AND refunded_gross_fen + #{gross} <= gross_fen")
    int claimOrder(@Param("orderNo") String orderNo, @Param("before") long before, @Param("gross") long gross);

    /** The named tenant exemption: a channel's refund notification carries no tenant; refund numbers are globally unique. */
    @InterceptorIgnore(tenantLine = "true")
    @Select("SELECT tenant_id FROM refund WHERE refund_no = #{refundNo}")
    Long tenantOf(@Param("refundNo") String refundNo);

    /** Across tenants, for the retry job (each refund is then handled in its own tenant). */
    @InterceptorIgnore(tenantLine = "true")
    @Select("SELECT tenant_id AS tenantId, refund_no AS refundNo FROM refund"
            + " WHERE status = 'PROCESSING' AND next_attempt_at <= #{now} ORDER BY next_attempt_at LIMIT #{limit}")
    List<RefundRow> due(@Param("now") LocalDateTime now, @Param("limit") int limit);

    @Update("UPDATE refund SET channel_refund_id = #{channelRefundId}, submitted_at = COALESCE(submitted_at, #{at}),"
            + " next_attempt_at = #{checkAt} WHERE refund_no = #{refundNo} AND status = 'PROCESSING'")
    int markSubmitted(@Param("refundNo") String refundNo, @Param("channelRefundId") String channelRefundId, @Param("at") LocalDateTime at,
                      @Param("checkAt") LocalDateTime checkAt);

    @Update("UPDATE refund SET attempts = attempts + 1, last_error = #{error}, next_attempt_at = #{next}"
            + " WHERE refund_no = #{refundNo} AND status = 'PROCESSING'")
    int markAttemptFailed(@Param("refundNo") String refundNo, @Param("error") String error, @Param("next") LocalDateTime next);

    @Update("UPDATE refund SET status = 'SUCCEEDED', channel_refund_id = COALESCE(#{channelRefundId}, channel_refund_id),"
            + " succeeded_at = #{at}, next_attempt_at = NULL WHERE refund_no = #{refundNo} AND status = 'PROCESSING'")
    int markSucceeded(@Param("refundNo") String refundNo, @Param("channelRefundId") String channelRefundId, @Param("at") LocalDateTime at);

    @Update("UPDATE refund SET status = 'ABNORMAL', last_error = #{error}, next_attempt_at = NULL"
            + " WHERE refund_no = #{refundNo} AND status = 'PROCESSING'")
    int markAbnormal(@Param("refundNo") String refundNo, @Param("error") String error);
}

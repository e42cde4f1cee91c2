package com.siyu.payment.checkout.infra;

import com.baomidou.mybatisplus.annotation.InterceptorIgnore;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface CheckoutPaymentMapper extends BaseMapper<CheckoutPaymentRow> {

    /** The named tenant exemption: a channel notification carries no tenant; the payment number is globally unique. */
    @InterceptorIgnore(tenantLine = "true")
    @Select("SELECT tenant_id FROM checkout_payment WHERE payment_no = #{paymentNo}")
    Long tenantOf(@Param("paymentNo") String paymentNo);

    /** Across tenants, for the reward retry job (each payment is then handled in its own tenant). */
    @InterceptorIgnore(tenantLine = "true")
    @Select("SELECT tenant_id AS tenantId, payment_no AS paymentNo FROM checkout_payment "
            + "WHERE status = 'PAID' AND rewarded_at IS NULL AND paid_at < #{before} ORDER BY id LIMIT #{limit}")
    List<CheckoutPaymentRow> unrewarded(@Param("before") LocalDateTime before, @Param("limit") int limit);

    /** Across tenants, for the voucher fulfilment job. */
    @InterceptorIgnore(tenantLine = "true")
    @Select("SELECT tenant_id AS tenantId, payment_no AS paymentNo FROM checkout_payment WHERE status = 'PAID'"
            + " AND purchase_template_id IS NOT NULL AND fulfilled_at IS NULL AND paid_at < #{before} ORDER BY id LIMIT #{limit}")
    List<CheckoutPaymentRow> unfulfilled(@Param("before") LocalDateTime before, @Param("limit") int limit);

    @Update("UPDATE checkout_payment SET status = 'PAID', transaction_id = #{transactionId}, paid_at = #{paidAt} "
            + "WHERE payment_no = #{paymentNo} AND status = 'PENDING'")
    int markPaid(@Param("paymentNo") String paymentNo, @Param("transactionId") String transactionId, @Param("paidAt") LocalDateTime paidAt);

    @InterceptorIgnore(tenantLine = "true")
    @Select("SELECT tenant_id AS tenantId, payment_no AS paymentNo FROM checkout_payment "
            + "WHERE status = 'PENDING' AND expires_at < #{now} ORDER BY expires_at LIMIT #{limit}")
    List<CheckoutPaymentRow> expired(@Param("now") LocalDateTime now, @Param("limit") int limit);

    @Update("UPDATE checkout_payment SET status = 'CLOSED' WHERE payment_no = #{paymentNo} AND status = 'PENDING'")
    int markClosed(@Param("paymentNo") String paymentNo);

    @Update("UPDATE checkout_payment SET status = 'FAILED', failure_code = #{code} WHERE payment_no = #{paymentNo} AND status = 'PENDING'")
    int markFailed(@Param("paymentNo") String paymentNo, @Param("code") String code);

    @Select("SELECT status FROM checkout_payment WHERE payment_no = #{paymentNo} FOR UPDATE")
    String statusForUpdate(@Param("paymentNo") String paymentNo);
}

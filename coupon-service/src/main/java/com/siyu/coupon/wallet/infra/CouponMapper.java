package com.siyu.coupon.wallet.infra;

import com.baomidou.mybatisplus.annotation.InterceptorIgnore;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface CouponMapper extends BaseMapper<CouponRow> {

    @Update("update coupon set status = 'LOCKED', lock_payment_id = #{paymentId}, locked_at = #{now}, updated_at = #{now}"
            + " where id = #{id} and member_id = #{memberId} and status = 'AVAILABLE'"
            + " and valid_from <= #{now} and valid_to > #{now}")
    int lock(@Param("id") long id, @Param("memberId") long memberId, @Param("paymentId") String paymentId,
             @Param("now") LocalDateTime now);

    @Update("update coupon set status = 'USED', used_payment_id = #{paymentId}, used_at = #{now}, updated_at = #{now}"
            + " where lock_payment_id = #{paymentId} and status = 'LOCKED'")
    int redeem(@Param("paymentId") String paymentId, @Param("now") LocalDateTime now);

    @Update("update coupon set status = 'AVAILABLE', lock_payment_id = null, locked_at = null, updated_at = #{now}"
            + " where lock_payment_id = #{paymentId} and status = 'LOCKED'")
    int release(@Param("paymentId") String paymentId, @Param("now") LocalDateTime now);

    @Update("update coupon set status = 'AVAILABLE', lock_payment_id = null, locked_at = null, updated_at = #{now}"
            + " where id = #{id} and used_payment_id = #{paymentId} and status = 'USED'")
    int restore(@Param("id") long id, @Param("paymentId") String paymentId, @Param("now") LocalDateTime now);

    @Update("update coupon set status = 'REVOKED', updated_at = #{now} where issue_key = #{issueKey} and status = 'AVAILABLE'")
    int revoke(@Param("issueKey") String issueKey, @Param("now") LocalDateTime now);

    @Update("update coupon set reminded_at = #{now}, updated_at = #{now} where id = #{id} and reminded_at is null and status = 'AVAILABLE'")
    int markReminded(@Param("id") long id, @Param("now") LocalDateTime now);

    /** Used by jobs, which start without a tenant: they then run per tenant. */
    @InterceptorIgnore(tenantLine = "true")
    @Select("select distinct tenant_id from coupon where status = 'AVAILABLE' and valid_to <= #{horizon}")
    List<Long> tenantsWithCouponsEndingBy(@Param("horizon") LocalDateTime horizon);
}

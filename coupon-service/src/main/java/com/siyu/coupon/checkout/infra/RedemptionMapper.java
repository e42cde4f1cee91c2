package com.siyu.coupon.checkout.infra;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.LocalDateTime;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface RedemptionMapper extends BaseMapper<RedemptionRow> {

    @Update("update coupon_redemption set status = #{to}, updated_at = #{now} where payment_id = #{paymentId} and status = #{from}")
    int move(@Param("paymentId") String paymentId, @Param("from") String from, @Param("to") String to, @Param("now") LocalDateTime now);

    @Update("update coupon_redemption set status = #{to}, updated_at = #{now} where id = #{id} and status = #{from}")
    int moveOne(@Param("id") long id, @Param("from") String from, @Param("to") String to, @Param("now") LocalDateTime now);
}

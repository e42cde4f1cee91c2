package com.siyu.payment.refund.infra;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.LocalDateTime;
import java.util.Map;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface RefundLineMapper extends BaseMapper<RefundLineRow> {

    /** What discounts on a merchant's orders cost whom in a period: the lines as paid, then what refunds took back. */
    @Select("SELECT COALESCE(SUM(platform_fen), 0) AS platformFen, COALESCE(SUM(merchant_fen), 0) AS merchantFen FROM discount_line"
            + " WHERE merchant_id = #{merchantId} AND created_at >= #{from} AND created_at < #{to}"
            + " AND payment_id IN (SELECT id FROM checkout_payment WHERE status = 'PAID')")
    Map<String, Object> granted(@Param("merchantId") long merchantId, @Param("from") LocalDateTime from, @Param("to") LocalDateTime to);

    @Select("SELECT COALESCE(SUM(platform_fen), 0) AS platformFen, COALESCE(SUM(merchant_fen), 0) AS merchantFen FROM refund_line"
            + " WHERE merchant_id = #{merchantId} AND created_at >= #{from} AND created_at < #{to}")
    Map<String, Object> reversed(@Param("merchantId") long merchantId, @Param("from") LocalDateTime from, @Param("to") LocalDateTime to);
}

package com.siyu.points.receipt.infra;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.LocalDateTime;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface ReceiptClaimMapper extends BaseMapper<ReceiptClaimRow> {

    @Update("update points_receipt_claim set status = #{to}, approved_fen = #{approvedFen,jdbcType=BIGINT}, reason = #{reason,jdbcType=VARCHAR},"
            + " reviewed_by = #{staffId}, reviewed_at = #{at} where id = #{id} and status = 'PENDING'")
    int review(@Param("id") long id, @Param("to") String to, @Param("approvedFen") Long approvedFen, @Param("reason") String reason,
               @Param("staffId") long staffId, @Param("at") LocalDateTime at);
}

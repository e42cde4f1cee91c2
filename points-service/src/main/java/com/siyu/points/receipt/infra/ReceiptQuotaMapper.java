package com.siyu.points.receipt.infra;

import java.time.LocalDate;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface ReceiptQuotaMapper {

    @Update("update points_receipt_quota set used = used + 1 where member_id = #{memberId} and claim_day = #{day} and used < #{limit}")
    int take(@Param("memberId") long memberId, @Param("day") LocalDate day, @Param("limit") int limit);

    @Insert("insert ignore into points_receipt_quota (tenant_id, member_id, claim_day, used) values (#{tenantId}, #{memberId}, #{day}, 0)")
    int ensure(@Param("tenantId") long tenantId, @Param("memberId") long memberId, @Param("day") LocalDate day);
}

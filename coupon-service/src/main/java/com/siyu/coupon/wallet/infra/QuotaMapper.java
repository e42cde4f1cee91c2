package com.siyu.coupon.wallet.infra;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface QuotaMapper extends BaseMapper<QuotaRow> {

    /**
     * The per-member limit as one conditional update (assignments run left to right in MariaDB/MySQL:
     * day_claimed is computed from the old claim_day).
     */
    @Update("update coupon_member_quota set claimed = claimed + 1,"
            + " day_claimed = case when claim_day = #{day} then day_claimed + 1 else 1 end,"
            + " claim_day = #{day}, updated_at = #{now}"
            + " where template_id = #{templateId} and member_id = #{memberId} and claimed < #{limit}"
            + " and (#{dailyLimit,jdbcType=INTEGER} is null or claim_day is null or claim_day <> #{day}"
            + " or day_claimed < #{dailyLimit,jdbcType=INTEGER})")
    int take(@Param("templateId") long templateId, @Param("memberId") long memberId, @Param("limit") int limit,
             @Param("dailyLimit") Integer dailyLimit, @Param("day") LocalDate day, @Param("now") LocalDateTime now);

    @Select("select claimed from coupon_member_quota where template_id = #{templateId} and member_id = #{memberId}")
    Integer claimed(@Param("templateId") long templateId, @Param("memberId") long memberId);

    @Select("select coalesce(sum(claimed), 0) from coupon_member_quota where template_id = #{templateId}")
    long sumClaimed(@Param("templateId") long templateId);
}

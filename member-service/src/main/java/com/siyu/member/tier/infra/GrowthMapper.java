package com.siyu.member.tier.infra;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface GrowthMapper extends BaseMapper<GrowthRow> {

    /** The purchase's growth line, locked: its refunds are taken back one at a time. */
    @Select("select member_id from growth_journal where biz_id = #{bizId} for update")
    Long lockMemberOf(@Param("bizId") String bizId);

    /** Spend already taken back from the purchase by its refunds (their lines are keyed {@code <purchase>/<refund>}). */
    @Select("select coalesce(-sum(spend_fen), 0) from growth_journal where biz_id like concat(#{bizId}, '/%')")
    long reversedSpend(@Param("bizId") String bizId);
}

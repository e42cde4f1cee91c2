package com.siyu.member.tier.infra;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface GrowthMapper extends BaseMapper<GrowthRow> {
}

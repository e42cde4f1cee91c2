package com.siyu.guide.roster.infra;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface GuideMapper extends BaseMapper<GuideRow> {
}

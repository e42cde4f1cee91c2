package com.siyu.points.merge.infra;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface MergeLotMapper extends BaseMapper<MergeLotRow> {
}

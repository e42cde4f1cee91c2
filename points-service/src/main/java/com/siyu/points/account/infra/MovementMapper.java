package com.siyu.points.account.infra;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface MovementMapper extends BaseMapper<MovementRow> {
}

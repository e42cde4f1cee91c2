package com.siyu.guide.binding.infra;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface BindingHistoryMapper extends BaseMapper<BindingHistoryRow> {
}

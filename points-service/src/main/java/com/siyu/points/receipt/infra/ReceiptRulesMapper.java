package com.siyu.points.receipt.infra;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface ReceiptRulesMapper extends BaseMapper<ReceiptRulesRow> {
}

package com.siyu.payment.checkout.infra;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface DiscountLineMapper extends BaseMapper<DiscountLineRow> {
}

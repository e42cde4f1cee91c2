package com.siyu.coupon.merge.infra;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface MergeQuotaMapper extends BaseMapper<CouponMergeQuotaRow> {
}

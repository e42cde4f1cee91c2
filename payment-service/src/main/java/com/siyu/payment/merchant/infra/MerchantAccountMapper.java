package com.siyu.payment.merchant.infra;

import com.baomidou.mybatisplus.annotation.InterceptorIgnore;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface MerchantAccountMapper extends BaseMapper<MerchantAccountRow> {

    /** Across tenants: a direct merchant's notification names only its merchant id (unique per deployment). */
    @InterceptorIgnore(tenantLine = "true")
    @Select("select * from payment_merchant_account where mode = 'DIRECT' and mch_id = #{mchId}")
    MerchantAccountRow byDirectMchId(@Param("mchId") String mchId);
}

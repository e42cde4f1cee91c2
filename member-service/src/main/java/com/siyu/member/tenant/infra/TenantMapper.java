package com.siyu.member.tenant.infra;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

/** The tenant table is the tenant directory itself: exempt from the tenant line (siyu.tenant.exempt-tables). */
@Mapper
public interface TenantMapper extends BaseMapper<TenantRow> {
}

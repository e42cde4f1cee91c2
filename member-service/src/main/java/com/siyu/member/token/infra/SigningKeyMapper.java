package com.siyu.member.token.infra;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

/** Platform-wide keys: exempt from the tenant line (siyu.tenant.exempt-tables). */
@Mapper
public interface SigningKeyMapper extends BaseMapper<SigningKeyRow> {
}

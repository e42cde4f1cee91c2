package com.siyu.member.segment.infra;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface MemberTagMapper extends BaseMapper<MemberTagRow> {
}

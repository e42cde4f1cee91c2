package com.siyu.member.identity.infra;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface IdentityMapper extends BaseMapper<IdentityRow> {

    @Update("update member_identity set member_id = #{to} where member_id = #{from} and kind = #{kind} and scope = #{scope} and value = #{value}")
    int move(@Param("from") long from, @Param("to") long to, @Param("kind") String kind, @Param("scope") String scope,
             @Param("value") String value);
}

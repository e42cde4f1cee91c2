package com.siyu.member.profile.infra;

import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface ProfileMapper {

    @Select("select store_id as k, sum(spend_fen) as v from growth_journal where member_id = #{id} and store_id is not null"
            + " group by store_id order by v desc")
    List<Map<String, Object>> spendByStore(@Param("id") long memberId);

    @Select("select category as k, sum(spend_fen) as v from growth_journal where member_id = #{id} and category is not null"
            + " group by category order by v desc")
    List<Map<String, Object>> spendByCategory(@Param("id") long memberId);
}

package com.siyu.member.segment.infra;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface TagMapper extends BaseMapper<TagRow> {

    @Select("select t.name from member_tag mt join tag t on t.id = mt.tag_id where mt.member_id = #{memberId} order by t.name")
    List<String> namesOf(@Param("memberId") long memberId);
}

package com.siyu.member.segment.infra;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** {@code where} parameters come only from SegmentSql: fixed fragments with bound parameters. */
@Mapper
public interface TagMapper extends BaseMapper<TagRow> {

    @Select("select t.id as tagId, t.name as name, t.kind as kind from member_tag mt join tag t on t.id = mt.tag_id"
            + " where mt.member_id = #{memberId} order by t.name")
    List<Map<String, Object>> tagsOf(@Param("memberId") long memberId);

    @Select("select * from tag where id = #{id} for update")
    TagRow lockById(@Param("id") long id);

    @Update("update tag set rule = #{rule} where id = #{id} and kind = 'RULE'")
    int changeRule(@Param("id") long id, @Param("rule") String rule);

    @Update("update tag set evaluated_at = #{at} where id = #{id}")
    int markEvaluated(@Param("id") long id, @Param("at") LocalDateTime at);

    /** The tenant line adds tenant_id to the insert and to the select and its sub-selects. */
    @Insert("<script>insert into member_tag (member_id, tag_id, created_at)"
            + " select m.id, #{tagId}, #{now} from member m where ${where}"
            + " and not exists (select 1 from member_tag x where x.member_id = m.id and x.tag_id = #{tagId})</script>")
    int addMatching(@Param("tagId") long tagId, @Param("now") LocalDateTime now, @Param("where") String where,
                    @Param("p") Map<String, Object> params);

    /**
     * The matching members are wrapped in a derived table: MySQL refuses a DELETE whose sub-select reads the
     * table it deletes from (error 1093, when the rule has a tag condition on member_tag); MariaDB allows both.
     */
    @Delete("<script>delete from member_tag where tag_id = #{tagId}"
            + " and member_id not in (select matching.id from (select m.id from member m where ${where}) matching)</script>")
    int removeNotMatching(@Param("tagId") long tagId, @Param("where") String where, @Param("p") Map<String, Object> params);

    @Select("select count(*) from member_tag where tag_id = #{tagId}")
    long memberCount(@Param("tagId") long tagId);
}

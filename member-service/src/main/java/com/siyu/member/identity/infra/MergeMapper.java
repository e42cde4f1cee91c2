package com.siyu.member.identity.infra;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.LocalDateTime;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface MergeMapper extends BaseMapper<MergeRow> {

    @Update("update member_merge set undone_at = #{now}, undone_by = #{actor} where id = #{id} and undone_at is null")
    int markUndone(@Param("id") long id, @Param("actor") String actor, @Param("now") LocalDateTime now);
}

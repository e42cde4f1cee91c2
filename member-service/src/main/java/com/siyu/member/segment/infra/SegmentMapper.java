package com.siyu.member.segment.infra;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface SegmentMapper extends BaseMapper<SegmentRow> {

    /** {@code where} comes only from SegmentSql: fixed fragments with bound parameters. */
    @Select("<script>select count(*) from member m where ${where}</script>")
    long count(@Param("where") String where, @Param("p") Map<String, Object> params);

    @Select("<script>select m.id from member m where ${where} and m.id &gt; #{after} order by m.id limit #{limit}</script>")
    List<Long> members(@Param("where") String where, @Param("p") Map<String, Object> params, @Param("after") long after,
                       @Param("limit") int limit);
}

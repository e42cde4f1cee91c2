package com.siyu.guide.binding.infra;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.LocalDateTime;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface BindingMapper extends BaseMapper<BindingRow> {

    @Select("select * from guide_binding where member_id = #{memberId} for update")
    BindingRow lock(@Param("memberId") long memberId);

    @Update("update guide_binding set guide_id = #{guideId}, source = #{source}, channel = #{channel}, bound_at = #{at}"
            + " where member_id = #{memberId}")
    int move(@Param("memberId") long memberId, @Param("guideId") long guideId, @Param("source") String source,
             @Param("channel") String channel, @Param("at") LocalDateTime at);
}

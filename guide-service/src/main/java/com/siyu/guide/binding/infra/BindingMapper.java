package com.siyu.guide.binding.infra;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.LocalDateTime;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface BindingMapper extends BaseMapper<BindingRow> {

    @Update("update guide_binding set guide_id = #{guideId}, source = #{source}, bound_at = #{now} where member_id = #{memberId}")
    int rebind(@Param("memberId") long memberId, @Param("guideId") long guideId, @Param("source") String source,
               @Param("now") LocalDateTime now);
}

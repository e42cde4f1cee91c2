package com.siyu.points.adjustment.infra;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.LocalDateTime;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface AdjustmentRequestMapper extends BaseMapper<AdjustmentRequestRow> {

    @Update("update points_adjustment_request set status = #{to}, decided_by = #{by}, decided_at = #{now}"
            + " where id = #{id} and status = 'PENDING'")
    int decide(@Param("id") long id, @Param("to") String to, @Param("by") long by, @Param("now") LocalDateTime now);
}

package com.siyu.touchpoint.quiethours.infra;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface QuietHoursMapper extends BaseMapper<QuietHoursRow> {

    /** One statement, safe when two operators save at once (the unique tenant key decides). */
    @Insert("insert into quiet_hours (tenant_id, start_time, end_time, time_zone, updated_by, updated_at)"
            + " values (#{tenantId}, #{start}, #{end}, #{zone}, #{staffId}, #{now})"
            + " on duplicate key update start_time = values(start_time), end_time = values(end_time),"
            + " time_zone = values(time_zone), updated_by = values(updated_by), updated_at = values(updated_at)")
    int upsert(@Param("tenantId") long tenantId, @Param("start") LocalTime start, @Param("end") LocalTime end,
               @Param("zone") String zone, @Param("staffId") Long staffId, @Param("now") LocalDateTime now);
}

package com.siyu.touchpoint.quiethours.infra;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;
import java.time.LocalTime;

@TableName("quiet_hours")
public class QuietHoursRow {
    @TableId(type = IdType.AUTO)
    public Long id;
    public Long tenantId;
    public LocalTime startTime;
    public LocalTime endTime;
    public String timeZone;
    public Long updatedBy;
    public LocalDateTime updatedAt;
}

package com.siyu.points.earning.infra;

import com.baomidou.mybatisplus.annotation.FieldStrategy;
import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;

@TableName("points_policy")
public class PolicyRow {
    @TableId(type = IdType.AUTO)
    public Long id;
    public Long tenantId;
    public Integer redeemPointsPerYuan;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    public Integer expiryMonths;
    public Integer reminderDays;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    public Long dailyEarnCap;
    public String refundShortfall;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    public Long parkingPointsPerHour;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    public Long parkingStoreId;
    public LocalDateTime createdAt;
    public LocalDateTime updatedAt;
}

package com.siyu.coupon.issuing.infra;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;

@TableName("coupon_grant_batch")
public class BatchRow {
    @TableId(type = IdType.AUTO)
    public Long id;
    public Long tenantId;
    public Long templateId;
    public String reason;
    public String status;
    public Integer total;
    public Integer cursorPos;
    public Integer issued;
    public Integer failed;
    public Long createdBy;
    public LocalDateTime heartbeatAt;
    public LocalDateTime createdAt;
    public LocalDateTime updatedAt;
}

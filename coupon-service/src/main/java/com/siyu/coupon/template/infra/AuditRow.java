package com.siyu.coupon.template.infra;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;

@TableName("coupon_template_audit")
public class AuditRow {
    @TableId(type = IdType.AUTO)
    public Long id;
    public Long tenantId;
    public Long templateId;
    public String fromStatus;
    public String toStatus;
    public Long staffId;
    public String reason;
    public LocalDateTime createdAt;
}

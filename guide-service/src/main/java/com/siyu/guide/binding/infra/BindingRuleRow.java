package com.siyu.guide.binding.infra;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;

/** One row per tenant: the tenant id is the key. */
@TableName("guide_binding_rule")
public class BindingRuleRow {
    @TableId(type = IdType.INPUT)
    public Long tenantId;
    public String mode;
    public Integer protectionDays;
    public Boolean operatorOverrides;
    public LocalDateTime updatedAt;
}

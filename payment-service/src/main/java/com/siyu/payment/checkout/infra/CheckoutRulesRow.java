package com.siyu.payment.checkout.infra;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;

@TableName("checkout_rules")
public class CheckoutRulesRow {
    @TableId(type = IdType.AUTO)
    public Long id;
    public Long tenantId;
    public String promotionsJson;
    public Integer pointsMaxSharePercent;
    public Long updatedBy;
    public LocalDateTime updatedAt;
}

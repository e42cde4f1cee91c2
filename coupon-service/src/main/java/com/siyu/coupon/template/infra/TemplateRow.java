package com.siyu.coupon.template.infra;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;

@TableName("coupon_template")
public class TemplateRow {
    @TableId(type = IdType.AUTO)
    public Long id;
    public Long tenantId;
    public String name;
    public String type;
    public Long valueFen;
    public Long thresholdFen;
    public Integer discountPercent;
    public Long maxDiscountFen;
    public Integer totalStock;
    public Integer issuedCount;
    public Integer perMemberLimit;
    public LocalDateTime validFrom;
    public LocalDateTime validTo;
    public String status;
    public Long createdBy;
    public LocalDateTime createdAt;
    public LocalDateTime updatedAt;
}

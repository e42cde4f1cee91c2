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
    public String itemName;
    public Long priceFen;
    public Long minSpendFen;
    public Integer perMemberDailyLimit;
    public Integer validDays;
    public Integer usableFromMinute;
    public Integer usableToMinute;
    public String usableWeekdays;
    public String storeIds;
    public String merchantIds;
    public String categories;
    public String excludedMerchantIds;
    public String excludedCategories;
    public Boolean stacksWithPoints;
    public String stacksWithTypes;
    public Integer merchantSharePercent;
    public String refundPolicy;
    public Integer geoRadiusM;
    public String wxCardId;
}

package com.siyu.coupon.wallet.infra;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;

@TableName("coupon")
public class CouponRow {
    @TableId(type = IdType.AUTO)
    public Long id;
    public Long tenantId;
    public Long templateId;
    public Long memberId;
    public Integer seq;
    public String issueKey;
    public String source;
    public String status;
    public LocalDateTime validFrom;
    public LocalDateTime validTo;
    public Long itemId;
    public String itemName;
    public String lockPaymentId;
    public LocalDateTime lockedAt;
    public String usedPaymentId;
    public LocalDateTime usedAt;
    public LocalDateTime remindedAt;
    public String wxCardCode;
    public LocalDateTime createdAt;
    public LocalDateTime updatedAt;
}

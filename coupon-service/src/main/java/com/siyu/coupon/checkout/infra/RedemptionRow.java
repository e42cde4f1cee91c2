package com.siyu.coupon.checkout.infra;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;

@TableName("coupon_redemption")
public class RedemptionRow {
    @TableId(type = IdType.AUTO)
    public Long id;
    public Long tenantId;
    public String paymentId;
    public Long couponId;
    public Long memberId;
    public Long templateId;
    public Long discountFen;
    public Long merchantFen;
    public Long platformFen;
    public String status;
    public LocalDateTime createdAt;
    public LocalDateTime updatedAt;
}

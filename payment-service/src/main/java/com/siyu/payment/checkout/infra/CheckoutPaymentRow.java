package com.siyu.payment.checkout.infra;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;

@TableName("checkout_payment")
public class CheckoutPaymentRow {
    @TableId(type = IdType.AUTO)
    public Long id;
    public Long tenantId;
    public String paymentNo;
    public Long memberId;
    public String status;
    public String channel;
    public Long grossFen;
    public Long discountFen;
    public Long pointsUsed;
    public Long pointsFen;
    public Long cashFen;
    public String couponIds;
    public Long purchaseTemplateId;
    public Integer purchaseQuantity;
    public String payerOpenid;
    public String attribution;
    public String prepayId;
    public String transactionId;
    public String failureCode;
    public LocalDateTime expiresAt;
    public LocalDateTime paidAt;
    public LocalDateTime rewardedAt;
    public LocalDateTime fulfilledAt;
    public Integer refundVersion;
    public LocalDateTime createdAt;
}

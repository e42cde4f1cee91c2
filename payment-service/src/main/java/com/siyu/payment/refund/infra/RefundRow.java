package com.siyu.payment.refund.infra;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;

@TableName("refund")
public class RefundRow {
    @TableId(type = IdType.AUTO)
    public Long id;
    public Long tenantId;
    public String refundNo;
    public String paymentNo;
    public String orderNo;
    public Long memberId;
    public Long merchantId;
    public Long storeId;
    public String status;
    public String channel;
    public Long grossFen;
    public Long cashFen;
    public Long pointsFen;
    public Long pointsReturned;
    public Long pointsReversed;
    public String restoredCouponIds;
    public String revokedCouponIds;
    public Boolean orderFullyRefunded;
    public String reason;
    public Long requestedBy;
    public String channelRefundId;
    public Integer attempts;
    public String lastError;
    public LocalDateTime nextAttemptAt;
    public LocalDateTime submittedAt;
    public LocalDateTime succeededAt;
    public LocalDateTime createdAt;
}

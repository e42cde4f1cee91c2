package com.siyu.payment.pointspay.infra;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;

@TableName("payment")
public class PaymentRow {
    @TableId(type = IdType.AUTO)
    public Long id;
    public Long tenantId;
    public String paymentNo;
    public Long memberId;
    public Long storeId;
    public String merchantOrderNo;
    public Long pointsUsed;
    public Long pointsJournalId;
    public String status;
    public Long cashierStaffId;
    public LocalDateTime createdAt;
}

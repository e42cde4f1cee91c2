package com.siyu.payment.refund.infra;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;

@TableName("refund_line")
public class RefundLineRow {
    @TableId(type = IdType.AUTO)
    public Long id;
    public Long tenantId;
    public Long refundId;
    public Long merchantId;
    public String kind;
    public String source;
    public Long amountFen;
    public Long platformFen;
    public Long merchantFen;
    public LocalDateTime createdAt;
}

package com.siyu.payment.checkout.infra;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;

@TableName("discount_line")
public class DiscountLineRow {
    @TableId(type = IdType.AUTO)
    public Long id;
    public Long tenantId;
    public Long paymentId;
    public Long merchantOrderId;
    public Long merchantId;
    public String kind;
    public String source;
    public Long amountFen;
    public Long platformFen;
    public Long merchantFen;
    public LocalDateTime createdAt;
}

package com.siyu.payment.checkout.infra;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;

@TableName("merchant_order")
public class MerchantOrderRow {
    @TableId(type = IdType.AUTO)
    public Long id;
    public Long tenantId;
    public Long paymentId;
    public String orderNo;
    public Integer seq;
    public Long merchantId;
    public Long storeId;
    public String category;
    public Long grossFen;
    public Long discountFen;
    public Long pointsFen;
    public Long cashFen;
    public Long refundedGrossFen;
    public LocalDateTime createdAt;
}

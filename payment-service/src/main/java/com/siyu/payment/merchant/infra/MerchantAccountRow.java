package com.siyu.payment.merchant.infra;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;

/** api_v3_key and private_key hold common's SecretBox envelopes, never the plain secrets. */
@TableName("payment_merchant_account")
public class MerchantAccountRow {
    @TableId(type = IdType.AUTO)
    public Long id;
    public Long tenantId;
    public String mode;
    public String mchId;
    public String subMchId;
    public String apiV3Key;
    public String merchantSerialNo;
    public String privateKey;
    public String platformPublicKey;
    public String platformPublicKeyId;
    public LocalDateTime updatedAt;
}

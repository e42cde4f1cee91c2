package com.siyu.member.tenant.infra;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;

@TableName("merchant")
public class MerchantRow {
    @TableId(type = IdType.AUTO)
    public Long id;
    public Long tenantId;
    public Long storeId;
    public String code;
    public String brand;
    public String category;
    public String cashierQrId;
    public LocalDateTime createdAt;
}

package com.siyu.member.tenant.infra;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.math.BigDecimal;
import java.time.LocalDateTime;

@TableName("store")
public class StoreRow {
    @TableId(type = IdType.AUTO)
    public Long id;
    public Long tenantId;
    public String code;
    public String name;
    public String address;
    public BigDecimal latitude;
    public BigDecimal longitude;
    public LocalDateTime createdAt;
    public LocalDateTime updatedAt;
}

package com.siyu.member.tenant.infra;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;

@TableName("tenant")
public class TenantRow {
    @TableId(type = IdType.AUTO)
    public Long id;
    public String code;
    public String name;
    public String miniappAppId;
    public String miniappSecret;
    public String mpAppId;
    public String corpId;
    public String timeZone;
    public String status;
    public LocalDateTime createdAt;
    public LocalDateTime updatedAt;
}

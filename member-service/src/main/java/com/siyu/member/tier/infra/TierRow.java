package com.siyu.member.tier.infra;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;

@TableName("tier")
public class TierRow {
    @TableId(type = IdType.AUTO)
    public Long id;
    public Long tenantId;
    public String code;
    public String name;
    public Long minGrowth;
    public LocalDateTime createdAt;
}

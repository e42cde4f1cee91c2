package com.siyu.member.identity.infra;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;

@TableName("member_identity")
public class IdentityRow {
    @TableId(type = IdType.AUTO)
    public Long id;
    public Long tenantId;
    public Long memberId;
    public String kind;
    public String scope;
    public String value;
    public String attributes;
    public Boolean verified;
    public LocalDateTime createdAt;
}

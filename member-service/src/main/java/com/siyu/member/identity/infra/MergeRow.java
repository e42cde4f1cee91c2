package com.siyu.member.identity.infra;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;

@TableName("member_merge")
public class MergeRow {
    @TableId(type = IdType.AUTO)
    public Long id;
    public Long tenantId;
    public Long survivorId;
    public Long mergedId;
    public String movedIdentities;
    public String reason;
    public String actor;
    public LocalDateTime createdAt;
    public LocalDateTime undoneAt;
    public String undoneBy;
}

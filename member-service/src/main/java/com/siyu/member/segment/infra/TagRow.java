package com.siyu.member.segment.infra;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;

@TableName("tag")
public class TagRow {
    @TableId(type = IdType.AUTO)
    public Long id;
    public Long tenantId;
    public String name;
    public String kind;
    public String rule;
    public LocalDateTime evaluatedAt;
    public LocalDateTime createdAt;
}

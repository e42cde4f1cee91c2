package com.siyu.member.segment.infra;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;

@TableName("member_tag")
public class MemberTagRow {
    @TableId(type = IdType.AUTO)
    public Long id;
    public Long tenantId;
    public Long memberId;
    public Long tagId;
    public LocalDateTime createdAt;
}

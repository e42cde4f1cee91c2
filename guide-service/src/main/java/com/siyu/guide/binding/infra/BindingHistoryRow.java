package com.siyu.guide.binding.infra;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;

@TableName("guide_binding_history")
public class BindingHistoryRow {
    @TableId(type = IdType.AUTO)
    public Long id;
    public Long tenantId;
    public Long memberId;
    public Long fromGuideId;
    public Long toGuideId;
    public String source;
    public String channel;
    public Long actorStaffId;
    public String reason;
    public LocalDateTime createdAt;
}

package com.siyu.guide.binding.infra;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;

@TableName("guide_binding")
public class BindingRow {
    @TableId(type = IdType.AUTO)
    public Long id;
    public Long tenantId;
    public Long memberId;
    public Long guideId;
    public String source;
    public String channel;
    public LocalDateTime boundAt;
}

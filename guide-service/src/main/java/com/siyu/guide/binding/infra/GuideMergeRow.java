package com.siyu.guide.binding.infra;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;

@TableName("guide_merge")
public class GuideMergeRow {
    @TableId(type = IdType.AUTO)
    public Long id;
    public Long tenantId;
    public Long mergeId;
    public Long survivorId;
    public Long mergedId;
    public Long inheritedGuideId;
    public String status;
    public LocalDateTime createdAt;
}

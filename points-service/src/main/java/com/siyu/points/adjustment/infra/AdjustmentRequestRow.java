package com.siyu.points.adjustment.infra;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;

@TableName("points_adjustment_request")
public class AdjustmentRequestRow {
    @TableId(type = IdType.AUTO)
    public Long id;
    public Long tenantId;
    public Long memberId;
    public Long points;
    public String reason;
    public Long storeId;
    public Long requestedBy;
    public String status;
    public Long decidedBy;
    public LocalDateTime decidedAt;
    public Long journalId;
    public LocalDateTime createdAt;
}

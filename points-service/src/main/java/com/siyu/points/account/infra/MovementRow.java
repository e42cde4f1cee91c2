package com.siyu.points.account.infra;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;

@TableName("points_lot_movement")
public class MovementRow {
    @TableId(type = IdType.AUTO)
    public Long id;
    public Long tenantId;
    public Long journalId;
    public Long memberId;
    public Long lotId;
    public String kind;
    public Long issuingStoreId;
    public Long consumingStoreId;
    public Long points;
    public LocalDateTime createdAt;
}

package com.siyu.points.merge.infra;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;

@TableName("points_merge")
public class MergeRow {
    @TableId(type = IdType.AUTO)
    public Long id;
    public Long tenantId;
    public Long mergeId;
    public Long survivorId;
    public Long mergedId;
    public String status;
    public Long movedPoints;
    public Long movedDebt;
    public Long returnedPoints;
    public Long returnedDebt;
    public LocalDateTime createdAt;
    public LocalDateTime updatedAt;
}

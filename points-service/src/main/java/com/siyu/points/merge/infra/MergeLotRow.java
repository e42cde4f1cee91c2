package com.siyu.points.merge.infra;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;

@TableName("points_merge_lot")
public class MergeLotRow {
    @TableId(type = IdType.AUTO)
    public Long id;
    public Long tenantId;
    public Long mergeId;
    public Long fromLotId;
    public Long toLotId;
    public Long points;
    public Long returnedPoints;
    public LocalDateTime createdAt;
}

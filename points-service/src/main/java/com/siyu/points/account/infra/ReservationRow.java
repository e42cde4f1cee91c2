package com.siyu.points.account.infra;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;

@TableName("points_reservation")
public class ReservationRow {
    @TableId(type = IdType.AUTO)
    public Long id;
    public Long tenantId;
    public Long memberId;
    public String bizId;
    public Long points;
    public Long storeId;
    public String status;
    public Long journalId;
    public LocalDateTime createdAt;
    public LocalDateTime updatedAt;
}

package com.siyu.points.account.infra;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDate;
import java.time.LocalDateTime;

@TableName("points_lot")
public class LotRow {
    @TableId(type = IdType.AUTO)
    public Long id;
    public Long tenantId;
    public Long accountId;
    public Long memberId;
    public Long journalId;
    public Long issuingStoreId;
    public Long merchantId;
    public Long points;
    public Long remaining;
    public Long earnedPoints;
    public LocalDate expiresOn;
    public String sourceBizId;
    public Long amountFen;
    public Long refundedFen;
    public Long reversedPoints;
    public LocalDateTime expiryNotifiedAt;
    public LocalDateTime createdAt;
    public LocalDateTime updatedAt;
}

package com.siyu.points.receipt.infra;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;

@TableName("points_receipt_rules")
public class ReceiptRulesRow {
    @TableId(type = IdType.AUTO)
    public Long id;
    public Long tenantId;
    public Long maxAmountFen;
    public Integer maxAgeDays;
    public Integer dailyClaims;
    public LocalDateTime updatedAt;
}

package com.siyu.points.account.infra;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;

@TableName("points_journal")
public class JournalRow {
    @TableId(type = IdType.AUTO)
    public Long id;
    public Long tenantId;
    public Long accountId;
    public Long memberId;
    public String bizType;
    public String bizId;
    public Long delta;
    public Long debtDelta;
    public Long balanceAfter;
    public Long storeId;
    public String reason;
    public Long operatorStaffId;
    public LocalDateTime createdAt;
}

package com.siyu.member.tier.infra;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;

@TableName("growth_journal")
public class GrowthRow {
    @TableId(type = IdType.AUTO)
    public Long id;
    public Long tenantId;
    public Long memberId;
    public String bizId;
    public Long growth;
    public Long spendFen;
    public Long storeId;
    public String category;
    public LocalDateTime createdAt;
}

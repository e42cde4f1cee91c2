package com.siyu.points.earning.infra;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;

@TableName("points_earn_rule")
public class EarnRuleRow {
    @TableId(type = IdType.AUTO)
    public Long id;
    public Long tenantId;
    public String kind;
    public String name;
    public Long storeId;
    public Long merchantId;
    public String category;
    public String tier;
    public Integer rateMilli;
    public Integer multiplierPct;
    public LocalDateTime startsAt;
    public LocalDateTime endsAt;
    public LocalDateTime createdAt;
}

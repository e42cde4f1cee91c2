package com.siyu.coupon.template.infra;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;

@TableName("coupon_blind_box_item")
public class PrizeRow {
    @TableId(type = IdType.AUTO)
    public Long id;
    public Long tenantId;
    public Long templateId;
    public String name;
    public Integer weight;
    public Integer stock;
    public Integer drawn;
    public LocalDateTime createdAt;
    public LocalDateTime updatedAt;
}

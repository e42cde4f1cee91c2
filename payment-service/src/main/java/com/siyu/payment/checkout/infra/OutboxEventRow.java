package com.siyu.payment.checkout.infra;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;

@TableName("outbox_event")
public class OutboxEventRow {
    @TableId(type = IdType.AUTO)
    public Long id;
    public Long tenantId;
    public String eventId;
    public String type;
    public String payload;
    public LocalDateTime createdAt;
    public LocalDateTime publishedAt;
}

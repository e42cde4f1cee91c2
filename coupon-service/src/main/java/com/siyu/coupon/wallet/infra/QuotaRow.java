package com.siyu.coupon.wallet.infra;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDate;
import java.time.LocalDateTime;

@TableName("coupon_member_quota")
public class QuotaRow {
    @TableId(type = IdType.AUTO)
    public Long id;
    public Long tenantId;
    public Long templateId;
    public Long memberId;
    public Integer claimed;
    public LocalDate claimDay;
    public Integer dayClaimed;
    public LocalDateTime createdAt;
    public LocalDateTime updatedAt;
}

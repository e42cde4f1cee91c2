package com.siyu.coupon.merge.infra;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;

@TableName("coupon_merge_quota")
public class CouponMergeQuotaRow {
    @TableId(type = IdType.AUTO)
    public Long id;
    public Long tenantId;
    public Long mergeId;
    public Long templateId;
    public Integer added;
    public LocalDateTime createdAt;
}

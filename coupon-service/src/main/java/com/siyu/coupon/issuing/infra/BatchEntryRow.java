package com.siyu.coupon.issuing.infra;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

@TableName("coupon_grant_batch_member")
public class BatchEntryRow {
    @TableId(type = IdType.AUTO)
    public Long id;
    public Long tenantId;
    public Long batchId;
    public Integer position;
    public Long memberId;
    public String outcome;
    public Long couponId;
}

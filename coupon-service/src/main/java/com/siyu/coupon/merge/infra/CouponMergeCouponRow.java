package com.siyu.coupon.merge.infra;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;

@TableName("coupon_merge_coupon")
public class CouponMergeCouponRow {
    @TableId(type = IdType.AUTO)
    public Long id;
    public Long tenantId;
    public Long mergeId;
    public Long couponId;
    public Long templateId;
    public Integer fromSeq;
    public Integer toSeq;
    public Boolean returned;
    public LocalDateTime createdAt;
}

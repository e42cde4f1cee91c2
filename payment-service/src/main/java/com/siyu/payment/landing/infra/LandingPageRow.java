package com.siyu.payment.landing.infra;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;

@TableName("landing_page")
public class LandingPageRow {
    @TableId(type = IdType.AUTO)
    public Long id;
    public Long tenantId;
    public Long merchantId;
    public Long couponTemplateId;
    public String activityPath;
    public Boolean followOfficialAccount;
    public String wecomContactUrl;
    public Long updatedBy;
    public LocalDateTime updatedAt;
}

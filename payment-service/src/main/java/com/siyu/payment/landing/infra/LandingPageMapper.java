package com.siyu.payment.landing.infra;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface LandingPageMapper extends BaseMapper<LandingPageRow> {

    /** Insert or replace in one statement: concurrent saves of one merchant's page never make two rows. */
    @Insert("INSERT INTO landing_page (tenant_id, merchant_id, coupon_template_id, activity_path, follow_official_account,"
            + " wecom_contact_url, updated_by, updated_at) VALUES (#{tenantId}, #{merchantId}, #{couponTemplateId}, #{activityPath},"
            + " #{followOfficialAccount}, #{wecomContactUrl}, #{updatedBy}, #{updatedAt}) ON DUPLICATE KEY UPDATE"
            + " coupon_template_id = VALUES(coupon_template_id), activity_path = VALUES(activity_path),"
            + " follow_official_account = VALUES(follow_official_account), wecom_contact_url = VALUES(wecom_contact_url),"
            + " updated_by = VALUES(updated_by), updated_at = VALUES(updated_at)")
    int upsert(LandingPageRow row);
}

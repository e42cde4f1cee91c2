package com.siyu.payment.checkout.infra;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface CheckoutRulesMapper extends BaseMapper<CheckoutRulesRow> {

    @Insert("INSERT INTO checkout_rules (tenant_id, promotions_json, points_max_share_percent, updated_by, updated_at)"
            + " VALUES (#{tenantId}, #{promotionsJson}, #{pointsMaxSharePercent}, #{updatedBy}, #{updatedAt}) ON DUPLICATE KEY UPDATE"
            + " promotions_json = VALUES(promotions_json), points_max_share_percent = VALUES(points_max_share_percent),"
            + " updated_by = VALUES(updated_by), updated_at = VALUES(updated_at)")
    int upsert(CheckoutRulesRow row);
}

package com.siyu.guide.binding.infra;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.LocalDateTime;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface BindingRuleMapper extends BaseMapper<BindingRuleRow> {

    @Insert("insert into guide_binding_rule (tenant_id, mode, protection_days, operator_overrides, updated_at)"
            + " values (#{tenantId}, #{mode}, #{days}, #{overrides}, #{at}) on duplicate key update mode = values(mode),"
            + " protection_days = values(protection_days), operator_overrides = values(operator_overrides), updated_at = values(updated_at)")
    void upsert(@Param("tenantId") long tenantId, @Param("mode") String mode, @Param("days") int days, @Param("overrides") boolean overrides,
                @Param("at") LocalDateTime at);
}

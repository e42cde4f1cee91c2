package com.siyu.points.expiry.infra;

import com.baomidou.mybatisplus.annotation.InterceptorIgnore;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface ExpiryMapper {

    /** The named exemption from the tenant line: a job must find the tenants it then works for one by one. */
    @InterceptorIgnore(tenantLine = "true")
    @Select("select distinct tenant_id from points_lot where expires_on <= #{through} and remaining > 0")
    List<Long> tenantsWithLotsDueBy(@Param("through") LocalDate through);

    @Update("update points_lot set expiry_notified_at = #{now} where id = #{id} and expiry_notified_at is null")
    int markReminded(@Param("id") long id, @Param("now") LocalDateTime now);
}

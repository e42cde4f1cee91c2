package com.siyu.coupon.issuing.infra;

import com.baomidou.mybatisplus.annotation.InterceptorIgnore;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface BatchMapper extends BaseMapper<BatchRow> {

    @Update("update coupon_grant_batch set heartbeat_at = #{now}, updated_at = #{now}"
            + " where id = #{id} and status = 'RUNNING' and (heartbeat_at is null or heartbeat_at < #{staleBefore})")
    int takeOver(@Param("id") long id, @Param("now") LocalDateTime now, @Param("staleBefore") LocalDateTime staleBefore);

    @Update("update coupon_grant_batch set cursor_pos = greatest(cursor_pos, #{cursor}), issued = issued + #{issued},"
            + " failed = failed + #{failed}, heartbeat_at = #{now}, updated_at = #{now} where id = #{id}")
    int advance(@Param("id") long id, @Param("cursor") int cursor, @Param("issued") int issued, @Param("failed") int failed,
                @Param("now") LocalDateTime now);

    @Update("update coupon_grant_batch set status = 'DONE', cursor_pos = total, heartbeat_at = #{now}, updated_at = #{now}"
            + " where id = #{id}")
    int finish(@Param("id") long id, @Param("now") LocalDateTime now);

    /** Used by the rescue job, which starts without a tenant and then runs per tenant. */
    @InterceptorIgnore(tenantLine = "true")
    @Select("select tenant_id as tenantId, id from coupon_grant_batch where status = 'RUNNING' and heartbeat_at < #{staleBefore}")
    List<Map<String, Object>> abandoned(@Param("staleBefore") LocalDateTime staleBefore);
}

package com.siyu.member.identity.infra;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.LocalDateTime;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface MiniappSessionMapper extends BaseMapper<MiniappSessionRow> {

    @Insert("insert into miniapp_session (tenant_id, member_id, app_id, session_key, updated_at)"
            + " values (#{tenantId}, #{memberId}, #{appId}, #{key}, #{now})"
            + " on duplicate key update session_key = values(session_key), updated_at = values(updated_at)")
    int upsert(@Param("tenantId") long tenantId, @Param("memberId") long memberId, @Param("appId") String appId,
               @Param("key") String key, @Param("now") LocalDateTime now);
}

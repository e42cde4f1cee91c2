package com.siyu.member.token.infra;

import com.baomidou.mybatisplus.annotation.InterceptorIgnore;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.LocalDateTime;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface RefreshTokenMapper extends BaseMapper<RefreshTokenRow> {

    /**
     * Named tenant-line exemption: a refresh arrives with nothing but the token, and the row found
     * tells the tenant (the hash is unique across tenants). Everything after runs as that tenant.
     */
    @InterceptorIgnore(tenantLine = "true")
    @Select("select * from refresh_token where token_hash = #{hash}")
    RefreshTokenRow findByHash(@Param("hash") String hash);

    @Update("update refresh_token set used_at = #{now} where id = #{id} and used_at is null and revoked_at is null")
    int markUsed(@Param("id") long id, @Param("now") LocalDateTime now);

    @Update("update refresh_token set revoked_at = #{now} where family_id = #{family} and revoked_at is null")
    int revokeFamily(@Param("family") String family, @Param("now") LocalDateTime now);
}

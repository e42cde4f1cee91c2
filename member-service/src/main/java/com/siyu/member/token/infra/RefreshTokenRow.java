package com.siyu.member.token.infra;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;

@TableName("refresh_token")
public class RefreshTokenRow {
    @TableId(type = IdType.AUTO)
    public Long id;
    public Long tenantId;
    public String subjectType;
    public Long subjectId;
    public String familyId;
    public String tokenHash;
    public LocalDateTime expiresAt;
    public LocalDateTime usedAt;
    public LocalDateTime revokedAt;
    public LocalDateTime createdAt;
}

package com.siyu.member.staff.infra;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;

@TableName("staff")
public class StaffRow {
    @TableId(type = IdType.AUTO)
    public Long id;
    public Long tenantId;
    public Long storeId;
    public String username;
    public String displayName;
    public String passwordHash;
    public String roles;
    public Integer failedLogins;
    public LocalDateTime lockedUntil;
    public LocalDateTime createdAt;
    public LocalDateTime updatedAt;
}

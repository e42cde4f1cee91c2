package com.siyu.points.account.infra;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;

@TableName("points_account")
public class AccountRow {
    @TableId(type = IdType.AUTO)
    public Long id;
    public Long tenantId;
    public Long memberId;
    public Long balance;
    public Long debt;
    public LocalDateTime createdAt;
    public LocalDateTime updatedAt;
}

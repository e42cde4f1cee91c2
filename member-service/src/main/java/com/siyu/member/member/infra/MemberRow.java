package com.siyu.member.member.infra;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;

@TableName("member")
public class MemberRow {
    @TableId(type = IdType.AUTO)
    public Long id;
    public Long tenantId;
    public String phone;
    public String nickname;
    public java.time.LocalDate birthday;
    public String funnelStage;
    public String status;
    public Long mergedInto;
    public Long growth;
    public String tierCode;
    public Long totalSpendFen;
    public Integer visits;
    public LocalDateTime lastVisitAt;
    public Long registeredStoreId;
    public LocalDateTime createdAt;
    public LocalDateTime updatedAt;
}

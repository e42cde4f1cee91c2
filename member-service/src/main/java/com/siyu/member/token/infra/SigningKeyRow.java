package com.siyu.member.token.infra;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;

@TableName("signing_key")
public class SigningKeyRow {
    @TableId(type = IdType.INPUT)
    public String kid;
    public String privateDer;
    public String publicDer;
    public String status;
    public LocalDateTime createdAt;
}

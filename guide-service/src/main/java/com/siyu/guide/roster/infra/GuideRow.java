package com.siyu.guide.roster.infra;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;

@TableName("guide")
public class GuideRow {
    @TableId(type = IdType.AUTO)
    public Long id;
    public Long tenantId;
    public Long storeId;
    public Long staffId;
    public Long merchantId;
    public String name;
    public String phone;
    public String wecomUserId;
    public Integer level;
    public String status;
    public LocalDateTime createdAt;
    public LocalDateTime updatedAt;
}

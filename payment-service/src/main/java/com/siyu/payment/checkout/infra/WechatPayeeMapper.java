package com.siyu.payment.checkout.infra;

import com.baomidou.mybatisplus.annotation.InterceptorIgnore;
import java.time.LocalDateTime;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** wechat_payee: which merchant took a payment or refund number. */
@Mapper
public interface WechatPayeeMapper {

    @Insert("insert into wechat_payee (no, tenant_id, payee, created_at) values (#{no}, #{tenantId}, #{payee}, #{at})")
    int insert(@Param("no") String no, @Param("tenantId") long tenantId, @Param("payee") String payee, @Param("at") LocalDateTime at);

    @Select("select payee from wechat_payee where no = #{no}")
    String payeeOf(@Param("no") String no);

    /** A notification arrives with no tenant: the number alone names it. */
    @InterceptorIgnore(tenantLine = "true")
    @Select("select payee from wechat_payee where no = #{no}")
    String payeeOfAnyTenant(@Param("no") String no);
}

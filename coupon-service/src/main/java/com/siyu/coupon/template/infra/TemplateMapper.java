package com.siyu.coupon.template.infra;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.LocalDateTime;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface TemplateMapper extends BaseMapper<TemplateRow> {

    /** The stock statement: the template row is hot for claims, never touched at payment. */
    @Update("update coupon_template set issued_count = issued_count + 1, updated_at = #{now}"
            + " where id = #{id} and status = 'ACTIVE' and issued_count < total_stock")
    int takeStock(@Param("id") long id, @Param("now") LocalDateTime now);

    @Update("update coupon_template set status = #{to}, updated_at = #{now} where id = #{id} and status = #{from}")
    int moveStatus(@Param("id") long id, @Param("from") String from, @Param("to") String to, @Param("now") LocalDateTime now);
}

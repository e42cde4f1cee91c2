package com.siyu.coupon.template.infra;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.LocalDateTime;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface PrizeMapper extends BaseMapper<PrizeRow> {

    @Update("update coupon_blind_box_item set drawn = drawn + 1, updated_at = #{now} where id = #{id} and drawn < stock")
    int draw(@Param("id") long id, @Param("now") LocalDateTime now);
}

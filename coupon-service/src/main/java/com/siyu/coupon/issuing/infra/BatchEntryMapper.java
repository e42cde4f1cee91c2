package com.siyu.coupon.issuing.infra;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface BatchEntryMapper extends BaseMapper<BatchEntryRow> {

    @Update("update coupon_grant_batch_member set outcome = #{outcome}, coupon_id = #{couponId} where id = #{id} and outcome is null")
    int recordOutcome(@Param("id") long id, @Param("outcome") String outcome, @Param("couponId") Long couponId);
}

package com.siyu.points.account.infra;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.LocalDateTime;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface ReservationMapper extends BaseMapper<ReservationRow> {

    @Update("update points_reservation set status = #{to}, updated_at = #{now} where biz_id = #{bizId} and status = #{from}")
    int transition(@Param("bizId") String bizId, @Param("from") String from, @Param("to") String to, @Param("now") LocalDateTime now);
}

package com.siyu.points.account.infra;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.LocalDateTime;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface ReservationMapper extends BaseMapper<ReservationRow> {

    @Update("update points_reservation set status = #{to}, updated_at = #{now} where biz_id = #{bizId} and status = #{from}")
    int transition(@Param("bizId") String bizId, @Param("from") String from, @Param("to") String to, @Param("now") LocalDateTime now);

    /** A locking read: current even inside a repeatable-read transaction that read the row before. */
    @Select("select returned_points from points_reservation where biz_id = #{bizId} for update")
    Long returned(@Param("bizId") String bizId);

    @Update("update points_reservation set returned_points = returned_points + #{points}, updated_at = #{now}"
            + " where biz_id = #{bizId} and status = 'CONFIRMED' and returned_points = #{before} and returned_points + #{points} <= points")
    int addReturned(@Param("bizId") String bizId, @Param("before") long before, @Param("points") long points,
                    @Param("now") LocalDateTime now);
}

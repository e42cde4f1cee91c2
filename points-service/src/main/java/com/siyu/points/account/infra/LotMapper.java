package com.siyu.points.account.infra;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.LocalDateTime;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface LotMapper extends BaseMapper<LotRow> {

    @Update("update points_lot set remaining = remaining - #{points}, updated_at = #{now}"
            + " where id = #{id} and remaining >= #{points}")
    int take(@Param("id") long id, @Param("points") long points, @Param("now") LocalDateTime now);

    @Update("update points_lot set remaining = remaining + #{points}, updated_at = #{now}"
            + " where id = #{id} and remaining + #{points} <= points")
    int giveBack(@Param("id") long id, @Param("points") long points, @Param("now") LocalDateTime now);

    @Update("update points_lot set refunded_fen = refunded_fen + #{fen}, reversed_points = reversed_points + #{reversed}, updated_at = #{now}"
            + " where id = #{id} and refunded_fen + #{fen} <= amount_fen")
    int recordRefund(@Param("id") long id, @Param("fen") long fen, @Param("reversed") long reversed, @Param("now") LocalDateTime now);
}

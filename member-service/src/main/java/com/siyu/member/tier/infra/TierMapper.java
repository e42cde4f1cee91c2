package com.siyu.member.tier.infra;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface TierMapper extends BaseMapper<TierRow> {

    @Delete("delete from tier")
    int deleteAllOfTenant();

    @Update("update member set growth = growth + #{growth}, total_spend_fen = total_spend_fen + #{spend}, visits = visits + 1,"
            + " last_visit_at = case when last_visit_at is null or last_visit_at < #{at} then #{at} else last_visit_at end,"
            + " updated_at = #{now} where id = #{id}")
    int addToMember(@Param("id") long id, @Param("growth") long growth, @Param("spend") long spend,
                    @Param("at") LocalDateTime at, @Param("now") LocalDateTime now);

    @Update("update member set growth = growth - #{growth}, total_spend_fen = total_spend_fen - #{spend}, updated_at = #{now}"
            + " where id = #{id}")
    int takeFromMember(@Param("id") long id, @Param("growth") long growth, @Param("spend") long spend, @Param("now") LocalDateTime now);

    @Select("select growth from member where id = #{id}")
    Long growthOf(@Param("id") long id);

    @Update("update member set tier_code = #{tier}, updated_at = #{now} where id = #{id}")
    int setTier(@Param("id") long id, @Param("tier") String tier, @Param("now") LocalDateTime now);

    @Select("select member_id as memberId, sum(growth) as growth from growth_journal where created_at >= #{since} group by member_id")
    List<Map<String, Object>> growthSince(@Param("since") LocalDateTime since);

    @Select("select id as memberId, tier_code as tier from member where tier_code is not null and status = 'ACTIVE'")
    List<Map<String, Object>> currentTiers();
}

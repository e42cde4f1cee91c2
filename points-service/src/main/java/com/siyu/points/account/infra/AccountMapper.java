package com.siyu.points.account.infra;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface AccountMapper extends BaseMapper<AccountRow> {

    /** The one statement that changes a balance: never below zero. */
    @Update("update points_account set balance = balance + #{delta}, updated_at = #{now}"
            + " where member_id = #{memberId} and balance + #{delta} >= 0")
    int applyDelta(@Param("memberId") long memberId, @Param("delta") long delta, @Param("now") LocalDateTime now);

    @Select("select a.member_id as memberId, a.balance as balance, coalesce(sum(j.delta), 0) as journalSum"
            + " from points_account a left join points_journal j on j.account_id = a.id"
            + " group by a.id, a.member_id, a.balance having a.balance <> coalesce(sum(j.delta), 0)")
    List<Map<String, Object>> discrepancies();
}

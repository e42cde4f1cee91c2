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

    @Update("update points_account set debt = debt + #{delta}, updated_at = #{now}"
            + " where member_id = #{memberId} and debt + #{delta} >= 0")
    int applyDebt(@Param("memberId") long memberId, @Param("delta") long delta, @Param("now") LocalDateTime now);

    @Select("select id, tenant_id, member_id, balance, debt, created_at, updated_at from points_account where member_id = #{memberId} for update")
    AccountRow lock(@Param("memberId") long memberId);

    /** Per account: balance = sum(journal delta) = sum(lot remaining) and debt = sum(journal debt delta), else listed. */
    @Select("select a.member_id as memberId, a.balance as balance, a.debt as debt,"
            + " coalesce(j.delta_sum, 0) as journalSum, coalesce(j.debt_sum, 0) as journalDebtSum, coalesce(l.remaining_sum, 0) as lotSum"
            + " from points_account a"
            + " left join (select account_id, sum(delta) as delta_sum, sum(debt_delta) as debt_sum from points_journal group by account_id) j"
            + " on j.account_id = a.id"
            + " left join (select account_id, sum(remaining) as remaining_sum from points_lot group by account_id) l"
            + " on l.account_id = a.id"
            + " where a.balance <> coalesce(j.delta_sum, 0) or a.balance <> coalesce(l.remaining_sum, 0)"
            + " or a.debt <> coalesce(j.debt_sum, 0)")
    List<Map<String, Object>> discrepancies();
}

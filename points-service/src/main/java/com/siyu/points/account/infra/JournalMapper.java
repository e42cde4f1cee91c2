package com.siyu.points.account.infra;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.LocalDateTime;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface JournalMapper extends BaseMapper<JournalRow> {

    @Select("select coalesce(sum(delta - debt_delta), 0) from points_journal"
            + " where member_id = #{memberId} and biz_type = 'EARN' and created_at >= #{since}")
    long earnedSince(@Param("memberId") long memberId, @Param("since") LocalDateTime since);
}

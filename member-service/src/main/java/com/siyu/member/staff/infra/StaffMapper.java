package com.siyu.member.staff.infra;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.LocalDateTime;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface StaffMapper extends BaseMapper<StaffRow> {

    /**
     * One statement: count the failure and, at the threshold, lock (never read-then-write). MariaDB
     * evaluates SET assignments left to right, so the lock is decided before the counter moves.
     */
    @Update("update staff set locked_until = case when failed_logins + 1 >= #{threshold} then #{lockUntil} else locked_until end,"
            + " failed_logins = failed_logins + 1, updated_at = #{now} where id = #{id}")
    int recordFailure(@Param("id") long id, @Param("threshold") int threshold,
                      @Param("lockUntil") LocalDateTime lockUntil, @Param("now") LocalDateTime now);

    @Update("update staff set failed_logins = 0, locked_until = null, updated_at = #{now} where id = #{id}")
    int recordSuccess(@Param("id") long id, @Param("now") LocalDateTime now);
}

package com.siyu.member.member.infra;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.LocalDateTime;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface MemberMapper extends BaseMapper<MemberRow> {

    @Update("update member set phone = #{phone}, funnel_stage = case when funnel_stage = 'WALK_IN' then 'REGISTERED' else funnel_stage end,"
            + " updated_at = #{now} where id = #{id}")
    int bindPhone(@Param("id") long id, @Param("phone") String phone, @Param("now") LocalDateTime now);

    /** Sets the birthday of an active member; {@code onlyIfUnset}: only while it has none (or has this one already). */
    @Update("update member set birthday = #{birthday}, updated_at = #{now} where id = #{id} and status = 'ACTIVE'"
            + " and (#{onlyIfUnset} = false or birthday is null or birthday = #{birthday})")
    int setBirthday(@Param("id") long id, @Param("birthday") java.time.LocalDate birthday, @Param("onlyIfUnset") boolean onlyIfUnset,
                    @Param("now") LocalDateTime now);

    @Update("update member set status = 'MERGED', merged_into = #{survivor}, updated_at = #{now} where id = #{id} and status = 'ACTIVE'")
    int markMerged(@Param("id") long id, @Param("survivor") long survivor, @Param("now") LocalDateTime now);

    @Update("update member set status = 'ACTIVE', merged_into = null, updated_at = #{now} where id = #{id} and status = 'MERGED'")
    int markActive(@Param("id") long id, @Param("now") LocalDateTime now);
}

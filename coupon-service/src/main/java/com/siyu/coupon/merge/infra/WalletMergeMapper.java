package com.siyu.coupon.merge.infra;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** coupon_merge, plus the statements a merge runs on the two members' quota and coupon rows. */
@Mapper
public interface WalletMergeMapper extends BaseMapper<CouponMergeRow> {

    @Update("update coupon_merge set status = 'UNMERGED' where merge_id = #{mergeId} and status = 'MERGED'")
    int beginUndo(@Param("mergeId") long mergeId);

    @Select("select template_id as templateId, claimed from coupon_member_quota where member_id = #{memberId} and claimed > 0")
    List<Map<String, Object>> claimed(@Param("memberId") long memberId);

    @Select("<script>select template_id as templateId, claimed from coupon_member_quota where member_id = #{memberId}"
            + " and template_id in <foreach collection='templates' item='t' open='(' separator=',' close=')'>#{t}</foreach>"
            + " order by template_id for update</script>")
    List<Map<String, Object>> lockQuotas(@Param("memberId") long memberId, @Param("templates") List<Long> templates);

    @Update("update coupon_member_quota set claimed = claimed + #{added}, updated_at = #{now}"
            + " where member_id = #{memberId} and template_id = #{templateId}")
    int addClaimed(@Param("memberId") long memberId, @Param("templateId") long templateId, @Param("added") int added,
                   @Param("now") LocalDateTime now);

    @Update("update coupon_member_quota set claimed = #{claimed}, updated_at = #{now}"
            + " where member_id = #{memberId} and template_id = #{templateId}")
    int setClaimed(@Param("memberId") long memberId, @Param("templateId") long templateId, @Param("claimed") int claimed,
                   @Param("now") LocalDateTime now);

    @Select("select id as couponId, template_id as templateId, seq from coupon where member_id = #{memberId}"
            + " and status = 'AVAILABLE' order by template_id, seq for update")
    List<Map<String, Object>> availableLocked(@Param("memberId") long memberId);

    @Update("update coupon set member_id = #{toMember}, seq = #{toSeq}, updated_at = #{now}"
            + " where id = #{id} and member_id = #{fromMember} and seq = #{fromSeq} and status = 'AVAILABLE'")
    int move(@Param("id") long id, @Param("fromMember") long fromMember, @Param("fromSeq") int fromSeq,
             @Param("toMember") long toMember, @Param("toSeq") int toSeq, @Param("now") LocalDateTime now);

    @Select("select seq from coupon where member_id = #{memberId} and template_id = #{templateId} order by seq")
    List<Integer> seqs(@Param("memberId") long memberId, @Param("templateId") long templateId);

    @Select("select coalesce(max(seq), 0) from coupon where member_id = #{memberId} and template_id = #{templateId}")
    int highestSeq(@Param("memberId") long memberId, @Param("templateId") long templateId);
}

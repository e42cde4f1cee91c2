package com.siyu.points.merge.infra;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface MergeMapper extends BaseMapper<MergeRow> {

    @Update("update points_merge set status = 'UNMERGED', updated_at = #{now} where merge_id = #{mergeId} and status = 'MERGED'")
    int beginUndo(@Param("mergeId") long mergeId, @Param("now") LocalDateTime now);

    /** The survivor's lots the merge created, with what each has left now. */
    @Select("select m.from_lot_id as fromLotId, m.to_lot_id as toLotId, m.points as moved, l.remaining as remainingNow"
            + " from points_merge_lot m join points_lot l on l.id = m.to_lot_id and l.tenant_id = m.tenant_id"
            + " where m.merge_id = #{mergeId} order by m.id")
    List<Map<String, Object>> movedLots(@Param("mergeId") long mergeId);
}

package com.siyu.guide.binding.infra;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface GuideMergeMapper extends BaseMapper<GuideMergeRow> {

    @Update("update guide_merge set status = 'UNMERGED' where merge_id = #{mergeId} and status = 'MERGED'")
    int beginUndo(@Param("mergeId") long mergeId);
}

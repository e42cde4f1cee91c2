package com.siyu.points.settlement.infra;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface SettlementMapper {

    @Select("select issuing_store_id as issuingStoreId, consuming_store_id as consumingStoreId, sum(points) as points"
            + " from points_lot_movement where kind in ('SPEND', 'RESERVE', 'RELEASE', 'REFUND', 'PARKING')"
            + " and created_at >= #{from} and created_at < #{to}"
            + " group by issuing_store_id, consuming_store_id")
    List<Map<String, Object>> flows(@Param("from") LocalDateTime from, @Param("to") LocalDateTime to);

    @Select("<script>select coalesce(sum(points), 0) from points_lot where journal_id is not null"
            + " and created_at &gt;= #{from} and created_at &lt; #{to}"
            + " and <choose><when test='storeId != null'>issuing_store_id = #{storeId}</when><otherwise>issuing_store_id is null</otherwise></choose>"
            + "</script>")
    long issued(@Param("storeId") Long storeId, @Param("from") LocalDateTime from, @Param("to") LocalDateTime to);
}

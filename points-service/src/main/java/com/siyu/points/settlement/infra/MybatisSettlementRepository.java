package com.siyu.points.settlement.infra;

import com.siyu.points.account.infra.DbTime;
import com.siyu.points.settlement.domain.Flow;
import com.siyu.points.settlement.domain.SettlementRepository;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Repository;

@Repository
class MybatisSettlementRepository implements SettlementRepository {

    private final SettlementMapper mapper;

    MybatisSettlementRepository(SettlementMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public List<Flow> flows(Instant from, Instant to) {
        return mapper.flows(DbTime.of(from), DbTime.of(to)).stream()
                .map(row -> new Flow(id(row, "issuingStoreId"), id(row, "consumingStoreId"), ((Number) value(row, "points")).longValue()))
                .filter(flow -> flow.points() != 0)
                .toList();
    }

    @Override
    public long issued(Long storeId, Instant from, Instant to) {
        return mapper.issued(storeId, DbTime.of(from), DbTime.of(to));
    }

    private static Long id(Map<String, Object> row, String key) {
        Object value = value(row, key);
        return value == null ? null : ((Number) value).longValue();
    }

    private static Object value(Map<String, Object> row, String key) {
        return row.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(key)).map(Map.Entry::getValue).findFirst().orElse(null);
    }
}

package com.siyu.member.profile.infra;

import com.siyu.member.profile.domain.ProfileRepository;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Repository;

@Repository
class MybatisProfileRepository implements ProfileRepository {

    private final ProfileMapper mapper;

    MybatisProfileRepository(ProfileMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Map<Long, Long> spendByStore(long memberId) {
        Map<Long, Long> result = new LinkedHashMap<>();
        mapper.spendByStore(memberId).forEach(row -> result.put(((Number) row.get("k")).longValue(), ((Number) row.get("v")).longValue()));
        return result;
    }

    @Override
    public Map<String, Long> spendByCategory(long memberId) {
        Map<String, Long> result = new LinkedHashMap<>();
        mapper.spendByCategory(memberId).forEach(row -> result.put((String) row.get("k"), ((Number) row.get("v")).longValue()));
        return result;
    }
}

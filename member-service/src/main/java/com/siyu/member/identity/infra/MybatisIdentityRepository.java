package com.siyu.member.identity.infra;

import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import com.baomidou.mybatisplus.core.conditions.update.UpdateWrapper;
import com.siyu.common.context.CallerContext;
import com.siyu.member.identity.domain.Identity;
import com.siyu.member.identity.domain.IdentityKind;
import com.siyu.member.identity.domain.IdentityRepository;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;

@Repository
class MybatisIdentityRepository implements IdentityRepository {

    private final IdentityMapper mapper;
    private final Clock clock;

    MybatisIdentityRepository(IdentityMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    @Override
    public boolean attach(long memberId, Identity identity) {
        IdentityRow row = new IdentityRow();
        row.tenantId = CallerContext.requireTenant();
        row.memberId = memberId;
        row.kind = identity.kind().name();
        row.scope = identity.scope();
        row.value = identity.value();
        row.attributes = identity.attributes();
        row.verified = identity.verified();
        row.createdAt = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        try {
            mapper.insert(row);
            return true;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    @Override
    public Optional<Long> ownerOf(IdentityKind kind, String scope, String value) {
        return Optional.ofNullable(mapper.selectOne(new QueryWrapper<IdentityRow>()
                .eq("kind", kind.name()).eq("scope", scope == null ? "" : scope).eq("value", value))).map(row -> row.memberId);
    }

    @Override
    public List<Identity> of(long memberId) {
        return mapper.selectList(new QueryWrapper<IdentityRow>().eq("member_id", memberId).orderByAsc("id")).stream()
                .map(row -> new Identity(IdentityKind.valueOf(row.kind), row.scope, row.value, row.attributes, Boolean.TRUE.equals(row.verified)))
                .toList();
    }

    @Override
    public int move(long fromMember, long toMember, List<Identity> identities) {
        int moved = 0;
        for (Identity identity : identities) {
            moved += mapper.move(fromMember, toMember, identity.kind().name(), identity.scope(), identity.value());
        }
        return moved;
    }

    @Override
    public void markVerified(long memberId, IdentityKind kind, String scope, String value) {
        mapper.update(null, new UpdateWrapper<IdentityRow>().set("verified", true)
                .eq("member_id", memberId).eq("kind", kind.name()).eq("scope", scope).eq("value", value));
    }
}

package com.siyu.member.member.infra;

import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import com.siyu.common.context.CallerContext;
import com.siyu.member.member.domain.FunnelStage;
import com.siyu.member.member.domain.Member;
import com.siyu.member.member.domain.MemberRepository;
import com.siyu.member.member.domain.Phone;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;

@Repository
class MybatisMemberRepository implements MemberRepository {

    private final MemberMapper mapper;
    private final Clock clock;

    MybatisMemberRepository(MemberMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    @Override
    public Optional<Member> insertIfAbsent(Phone phone, String nickname, FunnelStage stage, Long storeId) {
        MemberRow row = new MemberRow();
        row.tenantId = CallerContext.requireTenant();
        row.phone = phone.value();
        row.nickname = nickname;
        row.funnelStage = stage.name();
        row.registeredStoreId = storeId;
        row.createdAt = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        row.updatedAt = row.createdAt;
        try {
            mapper.insert(row);
            return Optional.of(toMember(row));
        } catch (DuplicateKeyException alreadyRegistered) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<Member> findByPhone(Phone phone) {
        return Optional.ofNullable(mapper.selectOne(new QueryWrapper<MemberRow>().eq("phone", phone.value())))
                .map(MybatisMemberRepository::toMember);
    }

    @Override
    public Optional<Member> findById(long id) {
        return Optional.ofNullable(mapper.selectById(id)).map(MybatisMemberRepository::toMember);
    }

    private static Member toMember(MemberRow row) {
        return new Member(row.id, row.tenantId, row.phone == null ? null : new Phone(row.phone), row.nickname,
                FunnelStage.valueOf(row.funnelStage), row.registeredStoreId, row.createdAt.toInstant(ZoneOffset.UTC));
    }
}

package com.siyu.member.member.infra;

import com.siyu.common.context.CallerContext;
import com.siyu.member.member.domain.FunnelStage;
import com.siyu.member.member.domain.Member;
import com.siyu.member.member.domain.MemberRepository;
import com.siyu.member.member.domain.MemberStatus;
import com.siyu.member.member.domain.Phone;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
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
    public long insert(Phone phone, String nickname, FunnelStage stage, Long storeId) {
        MemberRow row = new MemberRow();
        row.tenantId = CallerContext.requireTenant();
        row.phone = phone == null ? null : phone.value();
        row.nickname = nickname;
        row.funnelStage = stage.name();
        row.status = MemberStatus.ACTIVE.name();
        row.growth = 0L;
        row.totalSpendFen = 0L;
        row.visits = 0;
        row.registeredStoreId = storeId;
        row.createdAt = now();
        row.updatedAt = row.createdAt;
        mapper.insert(row);
        return row.id;
    }

    @Override
    public Optional<Member> findById(long id) {
        return Optional.ofNullable(mapper.selectById(id)).map(MybatisMemberRepository::toMember);
    }

    @Override
    public java.util.Map<Long, Instant> dormantAmong(Collection<Long> ids, Instant since) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        LocalDateTime before = LocalDateTime.ofInstant(since, ZoneOffset.UTC);
        // the tenant line scopes the statement to the tenant in context; the last seen is the last visit, else registration
        java.util.Map<Long, Instant> dormant = new java.util.TreeMap<>();
        mapper.selectList(new com.baomidou.mybatisplus.core.conditions.query.QueryWrapper<MemberRow>()
                .select("id", "last_visit_at", "created_at").in("id", ids).eq("status", MemberStatus.ACTIVE.name())
                .and(w -> w.lt("last_visit_at", before).or(n -> n.isNull("last_visit_at").lt("created_at", before))))
                .forEach(row -> dormant.put(row.id, (row.lastVisitAt != null ? row.lastVisitAt : row.createdAt).toInstant(ZoneOffset.UTC)));
        return dormant;
    }

    @Override
    public java.util.Map<Long, java.time.LocalDate> birthdaysAmong(Collection<Long> ids, Collection<java.time.MonthDay> days) {
        if (ids.isEmpty() || days.isEmpty()) {
            return java.util.Map.of();
        }
        // month-day as MM-DD, compared with the same format of the stored date (the tenant line scopes the statement)
        java.util.List<String> wanted = days.stream().map(d -> String.format("%02d-%02d", d.getMonthValue(), d.getDayOfMonth())).toList();
        java.util.Map<Long, java.time.LocalDate> found = new java.util.TreeMap<>();
        mapper.selectList(new com.baomidou.mybatisplus.core.conditions.query.QueryWrapper<MemberRow>()
                .select("id", "birthday").in("id", ids).eq("status", MemberStatus.ACTIVE.name()).isNotNull("birthday")
                .in("date_format(birthday, '%m-%d')", wanted))
                .forEach(row -> found.put(row.id, row.birthday));
        return found;
    }

    @Override
    public java.util.List<Contact> contactsAmong(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return java.util.List.of();
        }
        // the tenant line scopes the statement to the tenant in context
        return mapper.selectList(new com.baomidou.mybatisplus.core.conditions.query.QueryWrapper<MemberRow>()
                .select("id", "nickname", "phone", "registered_store_id").in("id", ids).eq("status", MemberStatus.ACTIVE.name()).orderByAsc("id"))
                .stream().map(row -> new Contact(row.id, row.nickname, row.phone, row.registeredStoreId)).toList();
    }

    @Override
    public boolean setBirthday(long id, java.time.LocalDate birthday, boolean onlyIfUnset) {
        return mapper.setBirthday(id, birthday, onlyIfUnset, now()) == 1;
    }

    @Override
    public Set<Long> activeAmong(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        // the tenant line scopes the statement to the tenant in context
        return new HashSet<>(mapper.selectObjs(new com.baomidou.mybatisplus.core.conditions.query.QueryWrapper<MemberRow>()
                .select("id").in("id", ids).eq("status", MemberStatus.ACTIVE.name())).stream()
                .map(id -> ((Number) id).longValue()).toList());
    }

    @Override
    public void bindPhone(long id, Phone phone) {
        mapper.bindPhone(id, phone.value(), now());
    }

    @Override
    public boolean markMerged(long mergedId, long survivorId) {
        return mapper.markMerged(mergedId, survivorId, now()) == 1;
    }

    @Override
    public boolean markActive(long mergedId) {
        return mapper.markActive(mergedId, now()) == 1;
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }

    static Member toMember(MemberRow row) {
        return new Member(row.id, row.tenantId, row.phone == null ? null : new Phone(row.phone), row.nickname,
                FunnelStage.valueOf(row.funnelStage), MemberStatus.valueOf(row.status), row.mergedInto,
                row.growth == null ? 0 : row.growth, row.tierCode, row.totalSpendFen == null ? 0 : row.totalSpendFen,
                row.visits == null ? 0 : row.visits, row.lastVisitAt == null ? null : row.lastVisitAt.toInstant(ZoneOffset.UTC),
                row.registeredStoreId, row.createdAt.toInstant(ZoneOffset.UTC), row.birthday);
    }
}

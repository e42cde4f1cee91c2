package com.siyu.member.staff.infra;

import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import com.siyu.common.context.CallerContext;
import com.siyu.member.staff.domain.StaffAccount;
import com.siyu.member.staff.domain.StaffRepository;
import com.siyu.member.staff.domain.StaffRole;
import com.siyu.member.staff.domain.StaffUsernameTaken;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;

@Repository
class MybatisStaffRepository implements StaffRepository {

    private final StaffMapper mapper;
    private final Clock clock;

    MybatisStaffRepository(StaffMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    @Override
    public long insert(String username, String displayName, String passwordHash, Set<StaffRole> roles, Long storeId) {
        StaffRow row = new StaffRow();
        row.tenantId = CallerContext.requireTenant();
        row.storeId = storeId;
        row.username = username;
        row.displayName = displayName;
        row.passwordHash = passwordHash;
        row.roles = roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        row.failedLogins = 0;
        row.createdAt = utc(clock.instant());
        row.updatedAt = row.createdAt;
        try {
            mapper.insert(row);
        } catch (DuplicateKeyException e) {
            throw new StaffUsernameTaken(username);
        }
        return row.id;
    }

    @Override
    public Optional<StaffAccount> findByUsername(String username) {
        return Optional.ofNullable(mapper.selectOne(new QueryWrapper<StaffRow>().eq("username", username)))
                .map(MybatisStaffRepository::toAccount);
    }

    @Override
    public Optional<StaffAccount> findById(long id) {
        return Optional.ofNullable(mapper.selectById(id)).map(MybatisStaffRepository::toAccount);
    }

    @Override
    public java.util.List<StaffAccount> list() {
        return mapper.selectList(new QueryWrapper<StaffRow>().orderByAsc("id")).stream().map(MybatisStaffRepository::toAccount).toList();
    }

    @Override
    public void recordFailure(long staffId, int threshold, Instant lockUntil) {
        mapper.recordFailure(staffId, threshold, utc(lockUntil), utc(clock.instant()));
    }

    @Override
    public void assignMerchant(long staffId, long merchantId) {
        mapper.update(null, new com.baomidou.mybatisplus.core.conditions.update.UpdateWrapper<StaffRow>()
                .set("merchant_id", merchantId).eq("id", staffId));
    }

    @Override
    public void recordSuccess(long staffId) {
        mapper.recordSuccess(staffId, utc(clock.instant()));
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }

    private static StaffAccount toAccount(StaffRow row) {
        Set<StaffRole> roles = Arrays.stream(row.roles.split(","))
                .filter(r -> !r.isBlank()).map(StaffRole::valueOf).collect(Collectors.toUnmodifiableSet());
        return new StaffAccount(row.id, row.tenantId, row.storeId, row.username, row.displayName, row.passwordHash, roles,
                row.failedLogins, row.lockedUntil == null ? null : row.lockedUntil.toInstant(ZoneOffset.UTC));
    }
}

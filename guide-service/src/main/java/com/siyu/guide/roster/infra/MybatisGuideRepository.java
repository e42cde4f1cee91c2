package com.siyu.guide.roster.infra;

import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import com.siyu.common.context.CallerContext;
import com.siyu.guide.roster.domain.Guide;
import com.siyu.guide.roster.domain.GuideRepository;
import com.siyu.guide.roster.domain.GuideStatus;
import com.siyu.guide.roster.domain.GuideTaken;
import com.siyu.guide.roster.domain.NewGuide;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;

@Repository
class MybatisGuideRepository implements GuideRepository {

    private final GuideMapper mapper;
    private final Clock clock;

    MybatisGuideRepository(GuideMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    @Override
    public Guide insert(NewGuide guide) {
        GuideRow row = new GuideRow();
        row.tenantId = CallerContext.requireTenant();
        row.storeId = guide.storeId();
        row.staffId = guide.staffId();
        row.merchantId = guide.merchantId();
        row.name = guide.name();
        row.phone = guide.phone();
        row.wecomUserId = guide.wecomUserId();
        row.level = guide.level();
        row.status = GuideStatus.ACTIVE.name();
        row.createdAt = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        row.updatedAt = row.createdAt;
        try {
            mapper.insert(row);
        } catch (DuplicateKeyException e) {
            String message = String.valueOf(e.getMostSpecificCause().getMessage());
            throw new GuideTaken(message.contains("uk_guide_staff") ? GuideTaken.What.STAFF
                    : message.contains("uk_guide_wecom") ? GuideTaken.What.WECOM_USER : GuideTaken.What.PHONE);
        }
        return toGuide(row);
    }

    @Override
    public Optional<Guide> find(long id) {
        return Optional.ofNullable(mapper.selectById(id)).map(MybatisGuideRepository::toGuide);
    }

    @Override
    public Optional<Guide> findByStaff(long staffId) {
        return Optional.ofNullable(mapper.selectOne(new QueryWrapper<GuideRow>().eq("staff_id", staffId))).map(MybatisGuideRepository::toGuide);
    }

    @Override
    public Optional<Guide> findByWecomUser(String wecomUserId) {
        return Optional.ofNullable(mapper.selectOne(new QueryWrapper<GuideRow>().eq("wecom_user_id", wecomUserId)))
                .map(MybatisGuideRepository::toGuide);
    }

    @Override
    public List<Guide> list(Long storeId) {
        QueryWrapper<GuideRow> query = new QueryWrapper<GuideRow>().orderByAsc("id");
        if (storeId != null) {
            query.eq("store_id", storeId);
        }
        return mapper.selectList(query).stream().map(MybatisGuideRepository::toGuide).toList();
    }

    @Override
    public void updateStatus(long id, GuideStatus status) {
        mapper.update(null, new com.baomidou.mybatisplus.core.conditions.update.UpdateWrapper<GuideRow>().eq("id", id)
                .set("status", status.name()).set("updated_at", LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)));
    }

    @Override
    public boolean raiseLevel(long id, int level) {
        return mapper.update(null, new com.baomidou.mybatisplus.core.conditions.update.UpdateWrapper<GuideRow>().eq("id", id).lt("level", level)
                .set("level", level).set("updated_at", LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))) == 1;
    }

    private static Guide toGuide(GuideRow row) {
        return new Guide(row.id, row.storeId, row.staffId, row.merchantId, row.name, row.phone, row.wecomUserId,
                row.level == null ? 1 : row.level, GuideStatus.valueOf(row.status), row.createdAt.toInstant(ZoneOffset.UTC));
    }
}

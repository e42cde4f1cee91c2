package com.siyu.member.segment.infra;

import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import com.siyu.common.context.CallerContext;
import com.siyu.member.segment.domain.TagRepository;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;

@Repository
class MybatisTagRepository implements TagRepository {

    private final TagMapper tags;
    private final MemberTagMapper memberTags;
    private final Clock clock;

    MybatisTagRepository(TagMapper tags, MemberTagMapper memberTags, Clock clock) {
        this.tags = tags;
        this.memberTags = memberTags;
        this.clock = clock;
    }

    @Override
    public long ensure(String name) {
        TagRow existing = tags.selectOne(new QueryWrapper<TagRow>().eq("name", name));
        if (existing != null) {
            return existing.id;
        }
        TagRow row = new TagRow();
        row.tenantId = CallerContext.requireTenant();
        row.name = name;
        row.createdAt = now();
        try {
            tags.insert(row);
            return row.id;
        } catch (DuplicateKeyException createdConcurrently) {
            return tags.selectOne(new QueryWrapper<TagRow>().eq("name", name)).id;
        }
    }

    @Override
    public Optional<String> name(long tagId) {
        return Optional.ofNullable(tags.selectById(tagId)).map(row -> row.name);
    }

    @Override
    public boolean tag(long memberId, long tagId) {
        MemberTagRow row = new MemberTagRow();
        row.tenantId = CallerContext.requireTenant();
        row.memberId = memberId;
        row.tagId = tagId;
        row.createdAt = now();
        try {
            memberTags.insert(row);
            return true;
        } catch (DuplicateKeyException alreadyTagged) {
            return false;
        }
    }

    @Override
    public boolean untag(long memberId, long tagId) {
        return memberTags.delete(new QueryWrapper<MemberTagRow>().eq("member_id", memberId).eq("tag_id", tagId)) > 0;
    }

    @Override
    public List<String> of(long memberId) {
        return tags.namesOf(memberId);
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }
}

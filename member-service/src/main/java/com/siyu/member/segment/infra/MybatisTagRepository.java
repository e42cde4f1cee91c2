package com.siyu.member.segment.infra;

import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyu.common.context.CallerContext;
import com.siyu.member.segment.domain.MemberTag;
import com.siyu.member.segment.domain.SegmentRule;
import com.siyu.member.segment.domain.Tag;
import com.siyu.member.segment.domain.TagKind;
import com.siyu.member.segment.domain.TagNameTaken;
import com.siyu.member.segment.domain.TagRepository;
import java.time.Clock;
import java.time.Instant;
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
    private final ObjectMapper json;
    private final Clock clock;
    private final TenantZone zone;

    MybatisTagRepository(TagMapper tags, MemberTagMapper memberTags, ObjectMapper json, Clock clock, TenantZone zone) {
        this.tags = tags;
        this.memberTags = memberTags;
        this.json = json;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public long ensure(String name) {
        TagRow existing = tags.selectOne(new QueryWrapper<TagRow>().eq("name", name));
        if (existing != null) {
            return existing.id;
        }
        try {
            return insertRow(name, TagKind.MANUAL, null).id;
        } catch (DuplicateKeyException createdConcurrently) {
            return tags.selectOne(new QueryWrapper<TagRow>().eq("name", name)).id;
        }
    }

    @Override
    public Tag insert(String name, TagKind kind, SegmentRule rule) {
        try {
            return toTag(insertRow(name, kind, rule));
        } catch (DuplicateKeyException taken) {
            throw new TagNameTaken(name);
        }
    }

    private TagRow insertRow(String name, TagKind kind, SegmentRule rule) {
        TagRow row = new TagRow();
        row.tenantId = CallerContext.requireTenant();
        row.name = name;
        row.kind = kind.name();
        row.rule = rule == null ? null : write(rule);
        row.createdAt = utc(clock.instant());
        tags.insert(row);
        return row;
    }

    @Override
    public Optional<Tag> find(long tagId) {
        return Optional.ofNullable(tags.selectById(tagId)).map(this::toTag);
    }

    @Override
    public List<Tag> all() {
        return tags.selectList(new QueryWrapper<TagRow>().orderByAsc("name")).stream().map(this::toTag).toList();
    }

    @Override
    public List<Tag> ruleTags() {
        return tags.selectList(new QueryWrapper<TagRow>().eq("kind", TagKind.RULE.name()).orderByAsc("id")).stream().map(this::toTag).toList();
    }

    @Override
    public boolean changeRule(long tagId, SegmentRule rule) {
        return tags.changeRule(tagId, write(rule)) == 1;
    }

    @Override
    public Optional<Tag> lockForEvaluation(long tagId) {
        return Optional.ofNullable(tags.lockById(tagId)).map(this::toTag);
    }

    @Override
    public int addMatching(long tagId, SegmentRule rule, Instant now) {
        SegmentSql.Where where = SegmentSql.render(rule, now, zone.current());
        return tags.addMatching(tagId, utc(now), where.sql(), where.params());
    }

    @Override
    public int removeNotMatching(long tagId, SegmentRule rule, Instant now) {
        // the tenant interceptor scopes the DELETE but not its NOT IN sub-select: the rule is scoped by hand
        SegmentSql.Where where = SegmentSql.renderWithinTenant(rule, now, zone.current(), CallerContext.requireTenant());
        return tags.removeNotMatching(tagId, where.sql(), where.params());
    }

    @Override
    public long memberCount(long tagId) {
        return tags.memberCount(tagId);
    }

    @Override
    public void markEvaluated(long tagId, Instant at) {
        tags.markEvaluated(tagId, utc(at));
    }

    @Override
    public boolean tag(long memberId, long tagId) {
        MemberTagRow row = new MemberTagRow();
        row.tenantId = CallerContext.requireTenant();
        row.memberId = memberId;
        row.tagId = tagId;
        row.createdAt = utc(clock.instant());
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
    public List<MemberTag> of(long memberId) {
        return tags.tagsOf(memberId).stream().map(row -> new MemberTag(((Number) row.get("tagId")).longValue(), (String) row.get("name"),
                TagKind.valueOf((String) row.get("kind")))).toList();
    }

    private Tag toTag(TagRow row) {
        SegmentRule rule = null;
        if (row.rule != null) {
            try {
                rule = json.readValue(row.rule, SegmentRule.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("tag " + row.id + " has an unreadable rule", e);
            }
        }
        return new Tag(row.id, row.name, TagKind.valueOf(row.kind), rule,
                row.evaluatedAt == null ? null : row.evaluatedAt.toInstant(ZoneOffset.UTC));
    }

    private String write(SegmentRule rule) {
        try {
            return json.writeValueAsString(rule);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }
}

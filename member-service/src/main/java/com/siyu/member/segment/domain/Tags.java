package com.siyu.member.segment.domain;

import com.siyu.common.problem.DomainException;
import com.siyu.member.member.domain.Members;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tags on members. MANUAL tags are put on and taken off by staff; RULE tags carry a rule in the segment
 * rule model and their members are exactly the members matching it, as of the tag's last evaluation.
 * Segments and other rule tags select on both kinds alike.
 */
@Service
public class Tags {

    private final TagRepository tags;
    private final Members members;
    private final Clock clock;

    public Tags(TagRepository tags, Members members, Clock clock) {
        this.tags = tags;
        this.members = members;
        this.clock = clock;
    }

    public Tag define(String name, TagKind kind, SegmentRule rule) {
        String trimmed = validName(name);
        if (kind == TagKind.MANUAL && rule != null) {
            throw new TagIsManual(trimmed);
        }
        if (kind == TagKind.RULE) {
            if (rule == null) {
                throw new DomainException(HttpStatus.BAD_REQUEST, "TAG_RULE_MISSING", "A RULE tag needs a rule");
            }
            TagRules.checkNotSelfReferencing(trimmed, rule, otherRules(-1));
        }
        return tags.insert(trimmed, kind, rule);
    }

    public List<Tag> list() {
        return tags.all();
    }

    public Tag get(long tagId) {
        return tags.find(tagId).orElseThrow(() -> DomainException.notFound("Tag", tagId));
    }

    public long memberCount(long tagId) {
        get(tagId);
        return tags.memberCount(tagId);
    }

    /** A new rule for a rule tag, validated as on definition; the next evaluation applies it. */
    public Tag changeRule(long tagId, SegmentRule rule) {
        Tag tag = get(tagId);
        if (!tag.ruleBased()) {
            throw new TagIsManual(tag.name());
        }
        TagRules.checkNotSelfReferencing(tag.name(), rule, otherRules(tagId));
        if (!tags.changeRule(tagId, rule)) {
            throw DomainException.notFound("Tag", tagId);
        }
        return get(tagId);
    }

    /**
     * Makes the tag's members exactly the members matching its rule now: removes those who stopped
     * matching, adds those who started, both as one set-based statement each. Evaluations of one tag
     * queue on the tag row; READ COMMITTED so each statement sees what the one before it committed and
     * the selects take no locks on members or growth lines (payments keep flowing meanwhile).
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public TagEvaluation evaluate(long tagId) {
        long started = System.nanoTime();
        Tag tag = tags.lockForEvaluation(tagId).orElseThrow(() -> DomainException.notFound("Tag", tagId));
        if (!tag.ruleBased()) {
            throw new TagIsManual(tag.name());
        }
        Instant now = clock.instant();
        int removed = tags.removeNotMatching(tagId, tag.rule(), now);
        int added = tags.addMatching(tagId, tag.rule(), now);
        tags.markEvaluated(tagId, now);
        long count = tags.memberCount(tagId);
        return new TagEvaluation(tagId, added, removed, count, now, (System.nanoTime() - started) / 1_000_000);
    }

    /** The tenant's rule tags, each after the rule tags its rule refers to (for the scheduled evaluation). */
    public List<Tag> ruleTagsInEvaluationOrder() {
        return TagRules.evaluationOrder(tags.ruleTags());
    }

    public List<MemberTag> tag(long memberId, String name) {
        String trimmed = validName(name);
        members.get(memberId);
        // a tag's kind never changes, so what this read says still holds when the row is written
        Tag tag = get(tags.ensure(trimmed));
        if (tag.ruleBased()) {
            throw new TagIsRuleBased(tag.name());
        }
        tags.tag(memberId, tag.id());
        return tags.of(memberId);
    }

    public List<MemberTag> untag(long memberId, String name) {
        members.get(memberId);
        // removing a tag never creates it: an unknown name is a 404
        String wanted = validName(name);
        Tag tag = tags.all().stream().filter(t -> t.name().equals(wanted)).findFirst()
                .orElseThrow(() -> com.siyu.common.problem.DomainException.notFound("Tag", wanted));
        if (tag.ruleBased()) {
            throw new TagIsRuleBased(tag.name());
        }
        tags.untag(memberId, tag.id());
        return tags.of(memberId);
    }

    public List<MemberTag> of(long memberId) {
        members.get(memberId);
        return tags.of(memberId);
    }

    private Map<String, SegmentRule> otherRules(long exceptTagId) {
        Map<String, SegmentRule> rules = new LinkedHashMap<>();
        tags.ruleTags().stream().filter(t -> t.id() != exceptTagId).forEach(t -> rules.put(t.name(), t.rule()));
        return rules;
    }

    private static String validName(String name) {
        if (name == null || name.isBlank() || name.trim().length() > 40) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "TAG_INVALID", "A tag name is 1-40 characters");
        }
        return name.trim();
    }
}

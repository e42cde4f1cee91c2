package com.siyu.member.segment.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface TagRepository {

    /** Creates a MANUAL tag, or returns the existing tag of that name (of either kind). */
    long ensure(String name);

    /** Defines a tag; {@link TagNameTaken} when the name is in use. */
    Tag insert(String name, TagKind kind, SegmentRule rule);

    Optional<Tag> find(long tagId);

    List<Tag> all();

    List<Tag> ruleTags();

    /** Replaces the rule of a RULE tag; false when there is no such rule tag. */
    boolean changeRule(long tagId, SegmentRule rule);

    /** The tag, its row locked until the transaction ends (one evaluation of a tag at a time). */
    Optional<Tag> lockForEvaluation(long tagId);

    /** Tags every member matching the rule who lacks the tag (INSERT … SELECT … WHERE NOT EXISTS); how many were added. */
    int addMatching(long tagId, SegmentRule rule, Instant now);

    /** Untags every member who carries the tag but does not match the rule (DELETE … NOT IN the rule); how many were removed. */
    int removeNotMatching(long tagId, SegmentRule rule, Instant now);

    long memberCount(long tagId);

    void markEvaluated(long tagId, Instant at);

    /** Tags the member; false when it already had the tag. */
    boolean tag(long memberId, long tagId);

    boolean untag(long memberId, long tagId);

    List<MemberTag> of(long memberId);
}

package com.siyu.member.segment.domain;

import java.time.Instant;

/** What one evaluation of a rule tag changed: members added, members removed, and how many carry the tag now. */
public record TagEvaluation(long tagId, int added, int removed, long count, Instant evaluatedAt, long tookMs) {
}

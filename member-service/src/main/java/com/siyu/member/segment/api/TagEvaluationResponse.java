package com.siyu.member.segment.api;

import com.siyu.member.segment.domain.TagEvaluation;
import java.time.Instant;

public record TagEvaluationResponse(long tagId, int added, int removed, long count, Instant evaluatedAt, long tookMs) {

    static TagEvaluationResponse of(TagEvaluation e) {
        return new TagEvaluationResponse(e.tagId(), e.added(), e.removed(), e.count(), e.evaluatedAt(), e.tookMs());
    }
}

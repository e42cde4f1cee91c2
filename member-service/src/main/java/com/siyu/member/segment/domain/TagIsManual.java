package com.siyu.member.segment.domain;

import com.siyu.common.problem.DomainException;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** A rule was given to (or an evaluation asked of) a manual tag; manual tags have no rule. */
public class TagIsManual extends DomainException {

    public TagIsManual(String name) {
        super(HttpStatus.CONFLICT, "TAG_IS_MANUAL", "Tag '" + name + "' is a manual tag: it has no rule (define a RULE tag instead)",
                Map.of("tag", name));
    }
}

package com.siyu.member.segment.domain;

import com.siyu.common.problem.DomainException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** A rule tag's rule selects on the tag itself, directly or through other rule tags. */
public class TagRuleRefersToItself extends DomainException {

    public TagRuleRefersToItself(List<String> path) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, "TAG_RULE_REFERS_TO_ITSELF", "The rule of tag '" + path.get(0)
                + "' refers to the tag itself: " + String.join(" → ", path), Map.of("path", path));
    }
}

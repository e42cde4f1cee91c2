package com.siyu.member.segment.domain;

import com.siyu.common.problem.DomainException;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** Staff tried to put a rule tag on (or take it off) a member by hand; its members come from its rule. */
public class TagIsRuleBased extends DomainException {

    public TagIsRuleBased(String name) {
        super(HttpStatus.CONFLICT, "TAG_IS_RULE_BASED", "Tag '" + name + "' is a rule tag: its members are the members matching its rule,"
                + " they cannot be assigned or removed by hand", Map.of("tag", name));
    }
}

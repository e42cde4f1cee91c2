package com.siyu.member.tier.domain;

import com.siyu.common.problem.DomainException;
import org.springframework.http.HttpStatus;

/** A membership tier reached at {@code minGrowth} growth value. */
public record Tier(String code, String name, long minGrowth) {

    public Tier {
        if (code == null || !code.matches("[A-Z0-9_]{1,32}")) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "TIER_INVALID", "A tier code is 1-32 of A-Z, 0-9, '_'");
        }
        if (minGrowth < 0) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "TIER_INVALID", "minGrowth must not be negative");
        }
    }
}

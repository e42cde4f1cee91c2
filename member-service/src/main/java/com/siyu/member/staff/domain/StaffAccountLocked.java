package com.siyu.member.staff.domain;

import com.siyu.common.problem.DomainException;
import java.time.Instant;
import java.util.Map;
import org.springframework.http.HttpStatus;

public class StaffAccountLocked extends DomainException {

    public StaffAccountLocked(Instant until) {
        super(HttpStatus.LOCKED, "STAFF_ACCOUNT_LOCKED",
                "Too many failed sign-ins; the account is locked until " + until, Map.of("lockedUntil", until.toString()));
    }
}

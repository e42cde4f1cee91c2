package com.siyu.member.staff.domain;

import com.siyu.common.problem.DomainException;
import org.springframework.http.HttpStatus;

public class StaffUsernameTaken extends DomainException {

    public StaffUsernameTaken(String username) {
        super(HttpStatus.CONFLICT, "STAFF_USERNAME_TAKEN", "This tenant already has a staff account named '" + username + "'");
    }
}

package com.siyu.member.staff.api;

import com.siyu.member.staff.domain.StaffAccounts;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Staff password sign-in (anonymous at the gateway). */
@RestController
class StaffSessionController {

    private final StaffAccounts staff;

    StaffSessionController(StaffAccounts staff) {
        this.staff = staff;
    }

    @PostMapping("/api/v1/member/staff-sessions")
    @ResponseStatus(HttpStatus.CREATED)
    SessionResponse signIn(@Valid @RequestBody StaffSessionRequest request) {
        return SessionResponse.of(staff.signIn(request.tenantCode(), request.username(), request.password()));
    }
}

package com.siyu.member.token.api;

import com.siyu.member.staff.api.SessionResponse;
import com.siyu.member.token.domain.Sessions;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Token refresh (rotating) and sign-out, for members and staff alike; anonymous at the gateway. */
@RestController
class SessionTokenController {

    private final Sessions sessions;

    SessionTokenController(Sessions sessions) {
        this.sessions = sessions;
    }

    @PostMapping("/api/v1/member/token-refreshes")
    @ResponseStatus(HttpStatus.CREATED)
    SessionResponse refresh(@Valid @RequestBody RefreshRequest request) {
        return SessionResponse.of(sessions.refresh(request.refreshToken()));
    }

    @PostMapping("/api/v1/member/session-revocations")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@Valid @RequestBody RefreshRequest request) {
        sessions.revoke(request.refreshToken());
    }
}

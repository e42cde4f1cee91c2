package com.siyu.member.staff.api;

import java.time.Instant;

public record SessionResponse(String accessToken, String tokenType, Instant expiresAt, String refreshToken, Instant refreshExpiresAt) {

    public static SessionResponse of(com.siyu.member.token.domain.IssuedSession session) {
        return new SessionResponse(session.accessToken(), "Bearer", session.expiresAt(), session.refreshToken(), session.refreshExpiresAt());
    }
}

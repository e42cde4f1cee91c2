package com.siyu.member.token.domain;

import java.time.Instant;

/** A short-lived access token and the refresh token that gets the next one. */
public record IssuedSession(String accessToken, Instant expiresAt, String refreshToken, Instant refreshExpiresAt) {
}

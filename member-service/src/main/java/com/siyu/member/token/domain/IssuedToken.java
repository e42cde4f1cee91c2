package com.siyu.member.token.domain;

import java.time.Instant;

public record IssuedToken(String accessToken, Instant expiresAt) {
}

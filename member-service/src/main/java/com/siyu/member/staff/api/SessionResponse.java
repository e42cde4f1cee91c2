package com.siyu.member.staff.api;

import java.time.Instant;

public record SessionResponse(String accessToken, String tokenType, Instant expiresAt) {
}

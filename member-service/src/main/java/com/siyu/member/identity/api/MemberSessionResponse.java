package com.siyu.member.identity.api;

import com.siyu.member.token.domain.IssuedSession;
import java.time.Instant;

public record MemberSessionResponse(String accessToken, String tokenType, Instant expiresAt, String refreshToken,
                                    Instant refreshExpiresAt, long memberId, boolean newMember) {

    static MemberSessionResponse of(IssuedSession session, long memberId, boolean newMember) {
        return new MemberSessionResponse(session.accessToken(), "Bearer", session.expiresAt(), session.refreshToken(),
                session.refreshExpiresAt(), memberId, newMember);
    }
}

package com.siyu.member.token.domain;

import com.siyu.common.context.Caller;
import com.siyu.common.context.CallerContext;
import com.siyu.member.member.domain.Member;
import com.siyu.member.member.domain.MemberRepository;
import com.siyu.member.staff.domain.StaffAccount;
import com.siyu.member.staff.domain.StaffRepository;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Sessions of staff and members: an RS256 access token plus a refresh token. Every refresh rotates
 * the refresh token within its family; presenting a used one again means it was copied, and the
 * whole family is revoked (the thief and the owner both have to sign in again).
 */
@Service
public class Sessions {

    static final String STAFF = "staff";
    static final String MEMBER = "member";

    private final TokenIssuer tokens;
    private final RefreshTokens refreshTokens;
    private final StaffRepository staff;
    private final MemberRepository members;
    private final com.siyu.member.tenant.domain.TenantRepository tenants;
    private final Clock clock;
    private final Duration refreshTtl;
    private final SecureRandom random = new SecureRandom();

    public Sessions(TokenIssuer tokens, RefreshTokens refreshTokens, StaffRepository staff, MemberRepository members,
                    com.siyu.member.tenant.domain.TenantRepository tenants, Clock clock,
                    @Value("${siyu.token.refresh-token-ttl:30d}") Duration refreshTtl) {
        this.tenants = tenants;
        this.tokens = tokens;
        this.refreshTokens = refreshTokens;
        this.staff = staff;
        this.members = members;
        this.clock = clock;
        this.refreshTtl = refreshTtl;
    }

    public IssuedSession forStaff(StaffAccount account) {
        return open(account.tenantId(), STAFF, account.id(), UUID.randomUUID().toString(), tokens.issueStaff(account));
    }

    public IssuedSession forMember(long tenantId, long memberId) {
        return open(tenantId, MEMBER, memberId, UUID.randomUUID().toString(), tokens.issueMember(tenantId, memberId));
    }

    public IssuedSession refresh(String refreshToken) {
        StoredRefreshToken stored = refreshTokens.findByHash(hash(refreshToken))
                .orElseThrow(() -> new RefreshTokenRejected("REFRESH_TOKEN_INVALID", "Unknown refresh token; sign in again"));
        Instant now = clock.instant();
        if (stored.revokedAt() != null || stored.expiresAt().isBefore(now)) {
            throw new RefreshTokenRejected("REFRESH_TOKEN_INVALID", "The refresh token has expired or was revoked; sign in again");
        }
        // a suspended tenant's sessions stop renewing (they work again, unrotated, once it is resumed)
        if (tenants.findById(stored.tenantId()).map(t -> !t.isActive()).orElse(true)) {
            throw new com.siyu.member.staff.domain.TenantSuspended();
        }
        if (stored.usedAt() != null || !refreshTokens.markUsed(stored.id(), stored.tenantId())) {
            refreshTokens.revokeFamily(stored.tenantId(), stored.familyId());
            throw new RefreshTokenRejected("REFRESH_TOKEN_REUSED",
                    "This refresh token was already used; every session from it is now revoked, sign in again");
        }
        return CallerContext.callAs(Caller.system(stored.tenantId()), () -> {
            if (STAFF.equals(stored.subjectType())) {
                StaffAccount account = staff.findById(stored.subjectId())
                        .orElseThrow(() -> new RefreshTokenRejected("REFRESH_TOKEN_INVALID", "The staff account no longer exists"));
                if (account.isLockedAt(now)) {
                    throw new RefreshTokenRejected("REFRESH_TOKEN_INVALID", "The staff account is locked");
                }
                return open(stored.tenantId(), STAFF, account.id(), stored.familyId(), tokens.issueStaff(account));
            }
            Member member = members.findById(stored.subjectId())
                    .orElseThrow(() -> new RefreshTokenRejected("REFRESH_TOKEN_INVALID", "The member no longer exists"));
            if (!member.isActive()) {
                throw new RefreshTokenRejected("REFRESH_TOKEN_INVALID", "This member was merged into another one; sign in again");
            }
            return open(stored.tenantId(), MEMBER, member.id(), stored.familyId(), tokens.issueMember(stored.tenantId(), member.id()));
        });
    }

    /** Signs out: the refresh token and every one rotated from it stop working. */
    public void revoke(String refreshToken) {
        refreshTokens.findByHash(hash(refreshToken)).ifPresent(stored -> refreshTokens.revokeFamily(stored.tenantId(), stored.familyId()));
    }

    private IssuedSession open(long tenantId, String type, long subjectId, String familyId, IssuedToken access) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String refreshToken = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant refreshExpiry = clock.instant().plus(refreshTtl);
        CallerContext.runAs(Caller.system(tenantId),
                () -> refreshTokens.insert(tenantId, type, subjectId, familyId, hash(refreshToken), refreshExpiry));
        return new IssuedSession(access.accessToken(), access.expiresAt(), refreshToken, refreshExpiry);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

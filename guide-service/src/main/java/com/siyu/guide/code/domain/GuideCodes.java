package com.siyu.guide.code.domain;

import com.siyu.common.problem.DomainException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The tokens a guide's personal code (QR payload) and share links carry: tenant, guide, channel and expiry,
 * signed with HMAC-SHA256 under guide-service's code key ({@code siyu.guide.code-key}, 32+ random bytes in
 * Base64 from the environment). A shopper cannot edit the guide id or stretch the expiry without the key.
 * Format: {@code base64url("g1.<tenant>.<guide>.<channel>.<expiry epoch s>") "." base64url(mac)}.
 */
@Service
public class GuideCodes {

    private static final String VERSION = "g1";
    private static final String SHARE_PREFIX = "LINK-";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder UNB64 = Base64.getUrlDecoder();

    /**
     * What a valid token names. {@code channel}: CODE (personal code), LINK (the guide's own link) or
     * {@code LINK-<id>} (share link {@code id}: a product, coupon or activity the guide shared).
     */
    public record GuideToken(long tenantId, long guideId, String channel, Instant expiresAt) {

        /** The share link this token opens; null for a personal code or the guide's own link. */
        public Long shareLinkId() {
            return channel.startsWith(SHARE_PREFIX) ? Long.valueOf(channel.substring(SHARE_PREFIX.length())) : null;
        }

        public boolean isLink() {
            return channel.equals("LINK") || shareLinkId() != null;
        }
    }

    public record Issued(String token, Instant expiresAt) {
    }

    private final SecretKeySpec key;
    private final Duration ttl;
    private final Clock clock;

    public GuideCodes(@Value("${siyu.guide.code-key:}") String key, @Value("${siyu.guide.code-ttl:P30D}") Duration ttl, Clock clock) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("siyu.guide.code-key (SIYU_GUIDE_CODE_KEY) is not Base64", e);
        }
        if (raw.length < 32) {
            throw new IllegalStateException("siyu.guide.code-key (SIYU_GUIDE_CODE_KEY) must be at least 32 random bytes in Base64;"
                    + " deploy/siyu.sh generates one into .run/secrets.env");
        }
        this.key = new SecretKeySpec(raw, "HmacSHA256");
        this.ttl = ttl;
        this.clock = clock;
    }

    public Issued issue(long tenantId, long guideId, String channel) {
        return sign(tenantId, guideId, channel, clock.instant().plus(ttl).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    /** The expiry a share link created now gets (the same lifetime as a personal code). */
    public Instant linkExpiry() {
        return clock.instant().plus(ttl).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    /** The token of share link {@code linkId}, valid until the link expires. */
    public Issued issueShare(long tenantId, long guideId, long linkId, Instant expiresAt) {
        return sign(tenantId, guideId, SHARE_PREFIX + linkId, expiresAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    private Issued sign(long tenantId, long guideId, String channel, Instant expiresAt) {
        String payload = String.join(".", VERSION, Long.toString(tenantId), Long.toString(guideId), channel,
                Long.toString(expiresAt.getEpochSecond()));
        byte[] bytes = payload.getBytes(StandardCharsets.US_ASCII);
        return new Issued(B64.encodeToString(bytes) + "." + B64.encodeToString(mac(bytes)), expiresAt);
    }

    /** A token of {@code tenantId}'s: another mall's code gets the same answer as a forged one. */
    public GuideToken verifyFor(long tenantId, String token) {
        return verifyFor(tenantId, token, clock.instant());
    }

    /** As {@link #verifyFor(long, String)}, judged as of {@code at} (a payment made through a link before it expired). */
    public GuideToken verifyFor(long tenantId, String token, Instant at) {
        GuideToken verified = verify(token, at);
        if (verified.tenantId() != tenantId) {
            throw invalid();
        }
        return verified;
    }

    /** The token's content when its signature holds and it has not expired; 422 GUIDE_CODE_INVALID / GUIDE_CODE_EXPIRED otherwise. */
    public GuideToken verify(String token) {
        return verify(token, clock.instant());
    }

    private GuideToken verify(String token, Instant at) {
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            throw invalid();
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = UNB64.decode(token.substring(0, dot));
            signature = UNB64.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (!MessageDigest.isEqual(mac(payload), signature)) {
            throw invalid();
        }
        String[] parts = new String(payload, StandardCharsets.US_ASCII).split("\\.");
        if (parts.length != 5 || !VERSION.equals(parts[0]) || !parts[3].matches("CODE|LINK|LINK-[0-9]{1,18}")) {
            throw invalid();
        }
        GuideToken parsed = new GuideToken(Long.parseLong(parts[1]), Long.parseLong(parts[2]), parts[3],
                Instant.ofEpochSecond(Long.parseLong(parts[4])));
        if (!at.isBefore(parsed.expiresAt())) {
            throw new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, "GUIDE_CODE_EXPIRED",
                    "This guide code expired at " + parsed.expiresAt() + "; ask the guide for a fresh one");
        }
        return parsed;
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static DomainException invalid() {
        return new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, "GUIDE_CODE_INVALID", "This is not a guide code of this mall");
    }
}

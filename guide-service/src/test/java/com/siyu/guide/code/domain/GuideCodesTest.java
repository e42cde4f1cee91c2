package com.siyu.guide.code.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.siyu.common.problem.DomainException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class GuideCodesTest {

    static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    static GuideCodes at(Instant now, String key) {
        return new GuideCodes(key, Duration.ofDays(30), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aCodeNamesItsTenantGuideAndChannelUntilItExpires() {
        GuideCodes.Issued issued = at(NOW, KEY).issue(5, 77, "LINK");
        GuideCodes.GuideToken token = at(NOW.plus(Duration.ofDays(29)), KEY).verify(issued.token());
        assertThat(token.tenantId()).isEqualTo(5);
        assertThat(token.guideId()).isEqualTo(77);
        assertThat(token.channel()).isEqualTo("LINK");
        assertThat(issued.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(30)));
        assertThatThrownBy(() -> at(NOW.plus(Duration.ofDays(30)), KEY).verify(issued.token()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("GUIDE_CODE_EXPIRED"));
    }

    @Test
    void anotherKeyOrATamperedSignatureIsRefused() {
        String token = at(NOW, KEY).issue(5, 77, "CODE").token();
        String otherKey = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());
        assertThatThrownBy(() -> at(NOW, otherKey).verify(token))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("GUIDE_CODE_INVALID"));
        char last = token.charAt(token.length() - 2);
        String flipped = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);
        assertThatThrownBy(() -> at(NOW, KEY).verify(flipped))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("GUIDE_CODE_INVALID"));
        assertThatThrownBy(() -> at(NOW, KEY).verify("x.y.z")).isInstanceOf(DomainException.class);
    }

    @Test
    void aMissingOrShortKeyStopsTheServiceFromStarting() {
        assertThatThrownBy(() -> at(NOW, "")).isInstanceOf(IllegalStateException.class).hasMessageContaining("SIYU_GUIDE_CODE_KEY");
        assertThatThrownBy(() -> at(NOW, Base64.getEncoder().encodeToString(new byte[16]))).isInstanceOf(IllegalStateException.class);
    }
}

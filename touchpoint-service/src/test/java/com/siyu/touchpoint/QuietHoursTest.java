package com.siyu.touchpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.siyu.common.problem.DomainException;
import com.siyu.touchpoint.quiethours.domain.QuietHours;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void aWindowAcrossMidnightIsQuietOnBothSides() {
        QuietHours night = new QuietHours(LocalTime.of(21, 30), LocalTime.of(8, 30), SHANGHAI);
        assertThat(night.isQuietAt(at("2026-11-23T21:29:59"))).isFalse();
        assertThat(night.isQuietAt(at("2026-11-23T21:30:00"))).isTrue();
        assertThat(night.isQuietAt(at("2026-11-24T03:00:00"))).isTrue();
        assertThat(night.isQuietAt(at("2026-11-24T08:29:59"))).isTrue();
        assertThat(night.isQuietAt(at("2026-11-24T08:30:00"))).isFalse();
    }

    @Test
    void aDaytimeWindowIsQuietOnlyInside() {
        QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 0), SHANGHAI);
        assertThat(lunch.isQuietAt(at("2026-11-23T11:59:00"))).isFalse();
        assertThat(lunch.isQuietAt(at("2026-11-23T12:30:00"))).isTrue();
        assertThat(lunch.isQuietAt(at("2026-11-23T13:00:00"))).isFalse();
    }

    @Test
    void nextSendableTimeIsTheEndOfTheWindow() {
        QuietHours night = new QuietHours(LocalTime.of(21, 30), LocalTime.of(8, 30), SHANGHAI);
        assertThat(night.nextSendableAt(at("2026-11-23T23:00:00"))).isEqualTo(at("2026-11-24T08:30:00"));
        assertThat(night.nextSendableAt(at("2026-11-24T02:00:00"))).isEqualTo(at("2026-11-24T08:30:00"));
        assertThat(night.nextSendableAt(at("2026-11-24T10:00:00"))).isEqualTo(at("2026-11-24T10:00:00"));
    }

    @Test
    void anEmptyWindowIsRefused() {
        assertThatThrownBy(() -> new QuietHours(LocalTime.NOON, LocalTime.NOON, SHANGHAI)).isInstanceOf(DomainException.class);
    }

    private static Instant at(String shanghaiLocal) {
        return java.time.LocalDateTime.parse(shanghaiLocal).atZone(SHANGHAI).toInstant();
    }
}

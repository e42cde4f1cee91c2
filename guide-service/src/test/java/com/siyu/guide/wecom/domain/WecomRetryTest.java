package com.siyu.guide.wecom.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WecomRetryTest {

    @Test
    void passingFailuresAreRetriedUntilTheAttemptsAreUsedUp() {
        for (int errcode : new int[] {-1, 42001, 40014, 45009}) {
            assertThat(WecomRetry.after(new WecomRejected(errcode, "x"), 1)).as("errcode %s", errcode).isEqualTo(WecomRetry.Decision.RETRY);
            assertThat(WecomRetry.after(new WecomRejected(errcode, "x"), WecomRetry.MAX_ATTEMPTS)).isEqualTo(WecomRetry.Decision.FAILED);
        }
        assertThat(WecomRetry.after(new WecomUnavailable("connection refused"), 2)).isEqualTo(WecomRetry.Decision.RETRY);
    }

    @Test
    void aRefusalFailsAtOnceAndAnAnswerLostAfterSendingIsNeverRetried() {
        assertThat(WecomRetry.after(new WecomRejected(41048, "invalid sender"), 1)).isEqualTo(WecomRetry.Decision.FAILED);
        assertThat(WecomRetry.after(new WecomRejected(40001, "invalid secret"), 1)).isEqualTo(WecomRetry.Decision.FAILED);
        assertThat(WecomRetry.after(new WecomOutcomeUnknown("read timed out"), 1)).isEqualTo(WecomRetry.Decision.UNKNOWN);
        assertThat(WecomRetry.errcode(new WecomRejected(41048, "x"))).isEqualTo(41048);
        assertThat(WecomRetry.errcode(new WecomUnavailable("x"))).isNull();
    }

    @Test
    void theBackoffDoublesAndStopsAtAnHour() {
        Duration base = Duration.ofMinutes(1);
        assertThat(WecomRetry.backoff(base, 1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(WecomRetry.backoff(base, 2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(WecomRetry.backoff(base, 5)).isEqualTo(Duration.ofMinutes(16));
        assertThat(WecomRetry.backoff(base, 9)).isEqualTo(Duration.ofHours(1));
    }
}

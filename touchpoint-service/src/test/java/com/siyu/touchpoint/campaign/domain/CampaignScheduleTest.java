package com.siyu.touchpoint.campaign.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.siyu.common.problem.DomainException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class CampaignScheduleTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void theNextRunIsTheSameLocalTimeAndSkipsOccurrencesAlreadyPast() {
        Instant run = Instant.parse("2026-12-01T02:00:00Z"); // 10:00 in Shanghai
        assertThat(Campaign.Schedule.DAILY.nextAfter(run, run.plusSeconds(60), SHANGHAI)).isEqualTo(Instant.parse("2026-12-02T02:00:00Z"));
        assertThat(Campaign.Schedule.WEEKLY.nextAfter(run, run.plusSeconds(60), SHANGHAI)).isEqualTo(Instant.parse("2026-12-08T02:00:00Z"));
        // down for three and a half days: one run now, the next at 10:00 after it
        assertThat(Campaign.Schedule.DAILY.nextAfter(run, Instant.parse("2026-12-04T14:00:00Z"), SHANGHAI))
                .isEqualTo(Instant.parse("2026-12-05T02:00:00Z"));
        assertThat(Campaign.Schedule.WEEKLY.nextAfter(run, Instant.parse("2026-12-20T00:00:00Z"), SHANGHAI))
                .isEqualTo(Instant.parse("2026-12-22T02:00:00Z"));
        assertThat(Campaign.Schedule.ONCE.nextAfter(run, run, SHANGHAI)).isNull();
    }

    @Test
    void aMallWithDaylightSavingKeepsItsLocalHour() {
        Instant run = Instant.parse("2027-03-27T09:00:00Z"); // 10:00 CET, the day before the clocks go forward
        assertThat(Campaign.Schedule.DAILY.nextAfter(run, run.plusSeconds(1), BERLIN)).isEqualTo(Instant.parse("2027-03-28T08:00:00Z"));
    }

    @Test
    void aPresetsFirstRunIsItsTimeStillAheadOrTheDayAsked() {
        Instant morning = Instant.parse("2026-12-01T01:00:00Z"); // 09:00 in Shanghai
        assertThat(CampaignPresets.firstRun(morning, SHANGHAI, null, LocalTime.of(10, 0))).isEqualTo(Instant.parse("2026-12-01T02:00:00Z"));
        assertThat(CampaignPresets.firstRun(morning, SHANGHAI, null, LocalTime.of(8, 0))).isEqualTo(Instant.parse("2026-12-02T00:00:00Z"));
        assertThat(CampaignPresets.firstRun(morning, SHANGHAI, LocalDate.of(2026, 12, 24), LocalTime.of(19, 0)))
                .isEqualTo(Instant.parse("2026-12-24T11:00:00Z"));
        assertThatThrownBy(() -> CampaignPresets.firstRun(morning, SHANGHAI, LocalDate.of(2026, 12, 1), LocalTime.of(8, 0)))
                .isInstanceOf(DomainException.class).hasMessageContaining("firstDay");
    }
}

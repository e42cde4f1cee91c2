package com.siyu.touchpoint.campaign.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.siyu.touchpoint.messaging.domain.Channel;
import com.siyu.touchpoint.messaging.domain.ChannelRates;
import com.siyu.touchpoint.messaging.domain.Send;
import com.siyu.touchpoint.messaging.domain.SensitiveWords;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CampaignRulesTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LocalDate DAY = LocalDate.of(2026, 12, 3);

    private static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(SHANGHAI).toInstant();
    }

    private static Campaign campaign(long id, int... weights) {
        List<Campaign.Arm> arms = new java.util.ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            arms.add(new Campaign.Arm("arm" + i, weights[i], List.of(new Campaign.Content(Channel.MINI_SUBSCRIBE, "t", null, Map.of("thing1", "x")))));
        }
        return new Campaign(id, "c", Campaign.Status.DRAFT, 1, Campaign.Schedule.ONCE, Instant.EPOCH, false, Send.OnCap.SKIP, null, null, arms, 0, null, 0,
                0, 0, null, 0, Instant.EPOCH, Instant.EPOCH);
    }

    @Test
    void aMemberWithoutClicksIsSentAtTheRunsTime() {
        assertThat(Campaigns.bestHour(List.of(), SHANGHAI, at(DAY, 10, 15))).isEqualTo(at(DAY, 10, 15));
    }

    @Test
    void theBestHourIsTheHourMostOpenedInTheLatestOnATie() {
        List<Instant> clicks = List.of(at(DAY.minusDays(1), 19, 5), at(DAY.minusDays(2), 19, 50), at(DAY.minusDays(3), 8, 0), at(DAY.minusDays(4), 8, 30));
        // 19 and 8 twice each: 19, later today
        assertThat(Campaigns.bestHour(clicks, SHANGHAI, at(DAY, 10, 15))).isEqualTo(at(DAY, 19, 0));
        // already in that hour: now
        assertThat(Campaigns.bestHour(clicks, SHANGHAI, at(DAY, 19, 40))).isEqualTo(at(DAY, 19, 40));
        // past it today: tomorrow
        assertThat(Campaigns.bestHour(clicks, SHANGHAI, at(DAY, 20, 1))).isEqualTo(at(DAY.plusDays(1), 19, 0));
    }

    @Test
    void theHourIsReadInTheTenantsZone() {
        // 11:00 UTC is 19:00 in Shanghai
        List<Instant> clicks = List.of(Instant.parse("2026-12-01T11:10:00Z"), Instant.parse("2026-12-02T11:20:00Z"));
        assertThat(Campaigns.bestHour(clicks, SHANGHAI, at(DAY, 9, 0))).isEqualTo(at(DAY, 19, 0));
    }

    @Test
    void armsFollowTheirWeightsAndAMemberAlwaysFallsInTheSameArm() {
        Campaign c = campaign(42, 90, 10);
        Map<String, Integer> counts = new TreeMap<>();
        for (long member = 1; member <= 20_000; member++) {
            counts.merge(c.armOf(member).name(), 1, Integer::sum);
            assertThat(c.armOf(member)).isSameAs(c.armOf(member));
        }
        assertThat(counts.get("arm0")).isBetween(17_600, 18_400);
        assertThat(counts.get("arm1")).isBetween(1_600, 2_400);
        // another campaign splits the same members differently (an arm is not a fixed half of the members)
        Campaign other = campaign(43, 50, 50);
        Campaign same = campaign(42, 50, 50);
        long differ = java.util.stream.LongStream.rangeClosed(1, 1_000).filter(m -> !other.armOf(m).name().equals(same.armOf(m).name())).count();
        assertThat(differ).isBetween(400L, 600L);
    }

    @Test
    void sensitiveWordsAreFoundInAnyFieldWhateverTheCase() {
        Send.Content content = new Send.Content(Channel.SMS, "SMS_1", null, Map.of("a", "Hello", "b", "Last DAY to win"));
        assertThat(SensitiveWords.firstHit(content, List.of("last day"))).contains("last day");
        assertThat(SensitiveWords.firstHit(content, List.of("稳赚", ""))).isEmpty();
        assertThat(SensitiveWords.firstHit("稳赚不赔", List.of("稳赚"))).contains("稳赚");
    }

    @Test
    void aChannelIsPacedToItsRate() {
        ChannelRates rates = new ChannelRates();
        rates.setChannelRates(new java.util.EnumMap<>(Map.of(Channel.SMS, 100)));
        long start = System.nanoTime();
        for (int i = 0; i < 21; i++) {
            rates.pace(Channel.SMS);
        }
        // 21 sends at 100/s: the last one waits for 200 ms after the first; an unlimited channel does not wait
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(195);
        long free = System.nanoTime();
        for (int i = 0; i < 1_000; i++) {
            rates.pace(Channel.MINI_SUBSCRIBE);
        }
        assertThat((System.nanoTime() - free) / 1_000_000).isLessThan(150);
    }
}

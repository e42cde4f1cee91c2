package com.siyu.touchpoint.campaign.domain;

import com.siyu.common.problem.DomainException;
import com.siyu.touchpoint.client.MemberContactsClient;
import com.siyu.touchpoint.messaging.domain.Channel;
import com.siyu.touchpoint.messaging.domain.Send;
import com.siyu.touchpoint.quiethours.domain.QuietHoursPolicy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Recurring campaigns an operator only tweaks (半自动化): each preset fixes the audience (a member-service segment it
 * makes or reuses by name), the schedule and the time; the operator picks the templates (their field names are the
 * template's), optionally a coupon and a number of days, and gets a DRAFT campaign to look at and activate.
 * BIRTHDAY: every day, the members whose birthday is that day ({@code days} ahead, 0-7). DORMANT_WINBACK: every day,
 * the members whose last visit was {@code days} ago (7-365, default 30), so each is met once as they fall asleep.
 * WEEKLY_OFFICIAL_ACCOUNT: every week, all active members, through the official account first (大商's weekly push
 * after the cashier made the shopper a follower).
 */
@Service
public class CampaignPresets {

    public enum Kind { BIRTHDAY, DORMANT_WINBACK, WEEKLY_OFFICIAL_ACCOUNT }

    /** What a preset does, for the operator's catalogue: the texts are suggestions for the template fields. */
    public record Definition(Kind kind, String name, String description, Campaign.Schedule schedule, LocalTime defaultTime, Integer defaultDays,
                             Integer minDays, Integer maxDays, Channel firstChannel, List<String> suggestedTexts) {
    }

    static final List<Definition> CATALOGUE = List.of(
            new Definition(Kind.BIRTHDAY, "生日关怀", "Daily: members whose birthday is today (or `days` ahead, 0-7); a coupon is a good gift",
                    Campaign.Schedule.DAILY, LocalTime.of(10, 0), 0, 0, 7, null,
                    List.of("{name}，生日快乐！", "{coupon}已放入您的卡包")),
            new Definition(Kind.DORMANT_WINBACK, "沉睡唤醒", "Daily: members whose last visit was exactly `days` ago (7-365), each met once",
                    Campaign.Schedule.DAILY, LocalTime.of(11, 0), 30, 7, 365, null,
                    List.of("{name}，好久不见", "送您{coupon}，欢迎回来逛逛")),
            new Definition(Kind.WEEKLY_OFFICIAL_ACCOUNT, "公众号周推", "Weekly: every active member, the official account first",
                    Campaign.Schedule.WEEKLY, LocalTime.of(19, 0), null, null, null, Channel.MP_TEMPLATE,
                    List.of("本周会员活动", "{name}，点击查看本周好礼")));

    /** The operator's tweaks: any may be left out but the arms. */
    public record Tweaks(String name, Integer days, LocalDate firstDay, LocalTime at, Long couponTemplateId, Send.OnCap onCap,
                         List<Campaign.Arm> arms) {
    }

    private final Campaigns campaigns;
    private final MemberContactsClient members;
    private final QuietHoursPolicy quietHours;
    private final Clock clock;

    public CampaignPresets(Campaigns campaigns, MemberContactsClient members, QuietHoursPolicy quietHours, Clock clock) {
        this.campaigns = campaigns;
        this.members = members;
        this.quietHours = quietHours;
        this.clock = clock;
    }

    public List<Definition> catalogue() {
        return CATALOGUE;
    }

    public Campaign create(Kind kind, Tweaks t) {
        Definition d = CATALOGUE.stream().filter(p -> p.kind() == kind).findFirst().orElseThrow();
        Integer days = null;
        if (d.defaultDays() == null) {
            if (t.days() != null) {
                throw invalid("days", "is not taken by " + kind);
            }
        } else {
            days = t.days() == null ? d.defaultDays() : t.days();
            if (days < d.minDays() || days > d.maxDays()) {
                throw invalid("days", "must be " + d.minDays() + "-" + d.maxDays() + " for " + kind);
            }
        }
        if (d.firstChannel() != null) {
            for (int a = 0; a < t.arms().size(); a++) {
                if (t.arms().get(a).channels().get(0).channel() != d.firstChannel()) {
                    throw invalid("arms[" + a + "].channels[0].channel", "must be " + d.firstChannel() + " for " + kind);
                }
            }
        }
        ZoneId zone = quietHours.current().zone();
        Instant startAt = firstRun(clock.instant(), zone, t.firstDay(), t.at() == null ? d.defaultTime() : t.at());
        MemberContactsClient.SegmentRef segment = members.ensureSegment(segmentOf(kind, days));
        String name = t.name() != null ? t.name() : days == null || kind == Kind.BIRTHDAY && days == 0 ? d.name() : d.name() + " " + days + "天";
        return campaigns.create(new Campaigns.NewCampaign(name, segment.id(), d.schedule(), startAt, false,
                t.onCap() == null ? Send.OnCap.SKIP : t.onCap(), t.couponTemplateId(), t.arms()));
    }

    /** The preset's segment, named after the preset and its days so every campaign of that kind and days shares it. */
    static MemberContactsClient.NewSegment segmentOf(Kind kind, Integer days) {
        return switch (kind) {
            case BIRTHDAY -> new MemberContactsClient.NewSegment("preset:BIRTHDAY:" + days,
                    Map.of("all", List.of(Map.of("field", "birthdayInDays", "op", "eq", "value", days))));
            case DORMANT_WINBACK -> new MemberContactsClient.NewSegment("preset:DORMANT:" + days,
                    Map.of("all", List.of(Map.of("field", "lastVisitDays", "op", "eq", "value", days))));
            case WEEKLY_OFFICIAL_ACCOUNT -> new MemberContactsClient.NewSegment("preset:ALL_ACTIVE",
                    Map.of("all", List.of(Map.of("field", "visits", "op", "gte", "value", 0))));
        };
    }

    /** The first run: {@code at} on {@code firstDay} (the mall's zone), or the next {@code at} still ahead when no day is given. */
    static Instant firstRun(Instant now, ZoneId zone, LocalDate firstDay, LocalTime at) {
        if (firstDay != null) {
            Instant start = ZonedDateTime.of(firstDay, at, zone).toInstant();
            if (start.isBefore(now)) {
                throw invalid("firstDay", firstDay + " " + at + " has passed");
            }
            return start;
        }
        ZonedDateTime today = ZonedDateTime.of(LocalDate.ofInstant(now, zone), at, zone);
        return (today.toInstant().isAfter(now) ? today : today.plusDays(1)).toInstant();
    }

    private static DomainException invalid(String field, String problem) {
        return new DomainException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", field + " " + problem);
    }
}

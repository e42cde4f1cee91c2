package com.siyu.touchpoint.campaign.domain;

import com.siyu.common.context.Caller;
import com.siyu.common.context.CallerContext;
import com.siyu.common.feign.RemoteRejection;
import com.siyu.common.problem.DomainException;
import com.siyu.touchpoint.client.CouponClient;
import com.siyu.touchpoint.client.MemberContactsClient;
import com.siyu.touchpoint.messaging.domain.Channel;
import com.siyu.touchpoint.messaging.domain.Messaging;
import com.siyu.touchpoint.messaging.domain.MessagingRepository;
import com.siyu.touchpoint.messaging.domain.Send;
import com.siyu.touchpoint.messaging.domain.Templates;
import com.siyu.touchpoint.quiethours.domain.QuietHoursPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Campaigns: made and checked (segment and coupon template of the tenant, known variables, no sensitive word), then a
 * job that pages the segment 500 members at a time and makes one send per member and run. A page's sends and the
 * cursor after it are one transaction, and each send's source key is (campaign, run, member), so a job killed at any
 * point and started again makes every send exactly once; the dispatcher sends them (caps, quiet hours, quotas,
 * fallbacks, the channels' rates). One job runs at a time (ShedLock).
 */
@Service
public class Campaigns {

    private static final Logger log = LoggerFactory.getLogger(Campaigns.class);
    public static final Set<String> VARIABLES = Set.of("name", "coupon", "campaign");
    public static final String PRESET = "CAMPAIGN";
    static final int PAGE = 500;
    static final Duration HISTORY = Duration.ofDays(90);

    private final CampaignRepository campaigns;
    private final MessagingRepository sends;
    private final Messaging messaging;
    private final MemberContactsClient members;
    private final CouponClient coupons;
    private final QuietHoursPolicy quietHours;
    private final TransactionTemplate tx;
    private final Clock clock;

    public Campaigns(CampaignRepository campaigns, MessagingRepository sends, Messaging messaging, MemberContactsClient members, CouponClient coupons,
                     QuietHoursPolicy quietHours, PlatformTransactionManager transactions, Clock clock) {
        this.campaigns = campaigns;
        this.sends = sends;
        this.messaging = messaging;
        this.members = members;
        this.coupons = coupons;
        this.quietHours = quietHours;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    public record NewCampaign(String name, long segmentId, Campaign.Schedule schedule, Instant startAt, boolean bestHour, Send.OnCap onCap,
                              Long couponTemplateId, List<Campaign.Arm> arms) {
    }

    public Campaign create(NewCampaign c) {
        Set<String> names = new HashSet<>();
        for (int a = 0; a < c.arms().size(); a++) {
            Campaign.Arm arm = c.arms().get(a);
            if (!names.add(arm.name())) {
                throw invalid("arms[" + a + "].name", "repeats the arm name " + arm.name());
            }
            Set<Channel> channels = new HashSet<>();
            for (int i = 0; i < arm.channels().size(); i++) {
                Campaign.Content content = arm.channels().get(i);
                String field = "arms[" + a + "].channels[" + i + "]";
                if (!Set.of(Channel.MINI_SUBSCRIBE, Channel.MP_TEMPLATE, Channel.MP_SERVICE, Channel.SMS, Channel.WECOM, Channel.APP_PUSH)
                        .contains(content.channel())) {
                    throw invalid(field + ".channel", "is " + content.channel()
                            + "; campaigns send through MINI_SUBSCRIBE, MP_TEMPLATE, MP_SERVICE, WECOM, SMS and APP_PUSH");
                }
                if (content.channel() == Channel.MP_SERVICE && (!content.fields().containsKey("text")
                        || !Set.of("text", "link").containsAll(content.fields().keySet()))) {
                    throw invalid(field + ".fields", "of MP_SERVICE are text and an optional link (the title of the link to the page)");
                }
                if (content.channel() == Channel.APP_PUSH && (!content.fields().containsKey("alert")
                        || !Set.of("alert", "title").containsAll(content.fields().keySet()))) {
                    throw invalid(field + ".fields", "of APP_PUSH are alert (the notification's text) and an optional title");
                }
                if (content.channel() == Channel.WECOM && (content.fields().size() != 1 || !content.fields().containsKey("text"))) {
                    throw invalid(field + ".fields", "of WECOM is one field, text (what the guide sends)");
                }
                if (!channels.add(content.channel())) {
                    throw invalid(field + ".channel", "repeats " + content.channel() + " in the chain");
                }
                for (Map.Entry<String, String> text : content.fields().entrySet()) {
                    Templates.checkVariables(text.getValue(), VARIABLES);
                    messaging.checkContent(field + ".fields." + text.getKey(), text.getValue());
                }
                if (content.page() != null) {
                    messaging.checkContent(field + ".page", content.page());
                }
            }
        }
        messaging.checkContent("name", c.name());
        try {
            members.segment(c.segmentId(), 0, 1);
        } catch (RuntimeException e) {
            throw RemoteRejection.in(e).map(r -> (RuntimeException) invalid("segmentId", c.segmentId() + " is not a segment of this tenant")).orElse(e);
        }
        String couponName = null;
        if (c.couponTemplateId() != null) {
            CouponClient.Template template;
            try {
                template = coupons.template(c.couponTemplateId());
            } catch (RuntimeException e) {
                throw RemoteRejection.in(e).map(r -> (RuntimeException) invalid("couponTemplateId", c.couponTemplateId()
                        + " is not a coupon template of this tenant")).orElse(e);
            }
            couponName = template.name();
        }
        Instant now = clock.instant();
        Caller caller = CallerContext.current();
        long id = campaigns.create(new Campaign(0, c.name(), Campaign.Status.DRAFT, c.segmentId(), c.schedule(), c.startAt(), c.bestHour(), c.onCap(),
                c.couponTemplateId(), couponName, c.arms(), 0, null, 0, 0, 0, null, caller.staffId() == null ? 0 : caller.staffId(), now, now));
        return get(id);
    }

    private static DomainException invalid(String field, String problem) {
        return new DomainException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", field + " " + problem);
    }

    public Campaign get(long id) {
        return campaigns.find(id).orElseThrow(() -> DomainException.notFound("Campaign", id));
    }

    public List<Campaign> list(Campaign.Status status) {
        return campaigns.list(status, 200);
    }

    /** DRAFT → SCHEDULED: the first run is due at its start (now, if the start has passed). */
    public Campaign activate(long id) {
        Campaign c = get(id);
        Instant now = clock.instant();
        if (!campaigns.move(id, List.of(Campaign.Status.DRAFT), Campaign.Status.SCHEDULED, c.startAt().isBefore(now) ? now : c.startAt(), 1, now)) {
            throw conflict(c, "activated");
        }
        return get(id);
    }

    /** SCHEDULED or RUNNING → PAUSED: no more sends are made (those made go out when due). */
    public Campaign pause(long id) {
        Campaign c = get(id);
        if (!campaigns.move(id, List.of(Campaign.Status.SCHEDULED, Campaign.Status.RUNNING), Campaign.Status.PAUSED, null, null, clock.instant())) {
            throw conflict(c, "paused");
        }
        return get(id);
    }

    /** PAUSED → RUNNING from where it stopped (SCHEDULED when its run had not started). */
    public Campaign resume(long id) {
        Campaign c = get(id);
        Campaign.Status to = c.cursorAfter() > 0 ? Campaign.Status.RUNNING : Campaign.Status.SCHEDULED;
        if (!campaigns.move(id, List.of(Campaign.Status.PAUSED), to, null, null, clock.instant())) {
            throw conflict(c, "resumed");
        }
        return get(id);
    }

    /** Any state → CANCELLED (a DONE one too, while sends of it wait: best hours, deferrals); its queued sends are skipped. */
    public Campaign cancel(long id) {
        Campaign c = get(id);
        Instant now = clock.instant();
        tx.executeWithoutResult(t -> {
            if (!campaigns.move(id, List.of(Campaign.Status.DRAFT, Campaign.Status.SCHEDULED, Campaign.Status.RUNNING, Campaign.Status.PAUSED,
                    Campaign.Status.DONE),
                    Campaign.Status.CANCELLED, null, null, now)) {
                throw conflict(c, "cancelled");
            }
            campaigns.skipQueued(id, now);
        });
        return get(id);
    }

    private static DomainException conflict(Campaign c, String action) {
        return new DomainException(HttpStatus.CONFLICT, "CAMPAIGN_STATE", "Campaign " + c.id() + " is " + c.status() + " and cannot be " + action);
    }

    public CampaignReport report(long id) {
        return new CampaignReport(get(id), campaigns.report(id));
    }

    @Scheduled(fixedDelayString = "${siyu.touchpoint.campaign-interval:PT5S}", initialDelayString = "${siyu.touchpoint.campaign-initial-delay:PT25S}")
    @SchedulerLock(name = "touchpoint.campaigns", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1S")
    public void scheduled() {
        advance(clock.instant(), 40);
    }

    public record Advanced(int pages, int sendsMade, int runsEnded, int failed) {
    }

    /** Every tenant's due campaigns, at most {@code maxPages} pages each in this pass. */
    public Advanced advance(Instant now, int maxPages) {
        int[] counts = new int[4];
        for (Map.Entry<Long, List<Long>> tenant : campaigns.active(now, 100).entrySet()) {
            CallerContext.runAs(Caller.system(tenant.getKey()), () -> tenant.getValue().forEach(id -> {
                try {
                    advance(id, now, maxPages, counts);
                } catch (RuntimeException e) {
                    counts[3]++;
                    java.util.Optional<RemoteRejection> refused = RemoteRejection.in(e);
                    if (refused.isPresent()) {
                        // member-service refuses the segment (deleted): retrying cannot help, the operator decides
                        log.warn("Campaign {} of tenant {} paused: member-service refused its segment: {}", id, tenant.getKey(), refused.get().getMessage());
                        campaigns.move(id, List.of(Campaign.Status.SCHEDULED, Campaign.Status.RUNNING), Campaign.Status.PAUSED, null, null, now);
                        campaigns.failed(id, "segment refused: " + refused.get().getMessage(), now);
                    } else {
                        log.warn("Campaign {} of tenant {} stopped for now: {}", id, tenant.getKey(), e.toString());
                        campaigns.failed(id, e.getClass().getSimpleName() + ": " + e.getMessage(), now);
                    }
                }
            }));
        }
        return new Advanced(counts[0], counts[1], counts[2], counts[3]);
    }

    private void advance(long id, Instant now, int maxPages, int[] counts) {
        Campaign c = get(id);
        if (c.status() == Campaign.Status.SCHEDULED
                && !campaigns.move(id, List.of(Campaign.Status.SCHEDULED), Campaign.Status.RUNNING, null, null, now)) {
            return;
        }
        ZoneId zone = quietHours.current().zone();
        long after = c.cursorAfter();
        for (int page = 0; page < maxPages; page++) {
            MemberContactsClient.SegmentPage members = this.members.segment(c.segmentId(), after, PAGE);
            List<MemberContactsClient.Contact> contacts = members.memberIds().isEmpty() ? List.of()
                    : this.members.contacts(new MemberContactsClient.Query(members.memberIds()));
            List<MessagingRepository.NewSend> made = sendsFor(c, contacts, zone, now);
            long from = after;
            long next = members.next() < 0 ? (members.memberIds().isEmpty() ? after : members.memberIds().get(members.memberIds().size() - 1)) : members.next();
            Integer inserted = tx.execute(t -> {
                int n = sends.enqueueAll(made, now);
                if (!campaigns.advanced(id, from, next, members.memberIds().size(), n, now)) {
                    // paused, cancelled or advanced by another job meanwhile: nothing of this page is kept
                    t.setRollbackOnly();
                    return null;
                }
                return n;
            });
            if (inserted == null) {
                return;
            }
            counts[0]++;
            counts[1] += inserted;
            after = next;
            if (members.next() < 0) {
                Instant nextRun = c.schedule().nextAfter(c.runAt(), now, zone);
                campaigns.runEnded(id, c.schedule(), nextRun, now);
                counts[2]++;
                return;
            }
        }
    }

    /** One send per active member of the page: the member's arm, its chain filled in, due at the run's time or the member's best hour. */
    List<MessagingRepository.NewSend> sendsFor(Campaign c, List<MemberContactsClient.Contact> contacts, ZoneId zone, Instant now) {
        Instant base = c.runAt() == null || c.runAt().isBefore(now) ? now : c.runAt();
        Map<Long, List<Instant>> clicks = c.bestHour() && !contacts.isEmpty()
                ? campaigns.clicks(contacts.stream().map(MemberContactsClient.Contact::id).toList(), now.minus(HISTORY)) : Map.of();
        LocalDate day = LocalDate.ofInstant(now, zone);
        List<MessagingRepository.NewSend> out = new ArrayList<>(contacts.size());
        for (MemberContactsClient.Contact member : contacts) {
            Campaign.Arm arm = c.armOf(member.id());
            Map<String, String> values = new HashMap<>();
            values.put("name", member.nickname() == null ? "" : member.nickname());
            values.put("coupon", c.couponName() == null ? "" : c.couponName());
            values.put("campaign", c.name());
            List<Send.Content> chain = arm.channels().stream().map(content -> new Send.Content(content.channel(), content.templateId(), content.page(),
                    fill(content.fields(), values))).toList();
            Send.Content first = chain.get(0);
            Instant due = c.bestHour() ? bestHour(clicks.getOrDefault(member.id(), List.of()), zone, base) : base;
            out.add(new MessagingRepository.NewSend(member.id(), first.channel(), first.templateId(), first.page(), first.data(), PRESET,
                    "campaign:" + c.id() + ":" + c.run() + ":" + member.id(), due, day, new Send.Extras(c.id(), c.run(), arm.name(),
                    chain.subList(1, chain.size()), null, c.onCap(), null, c.couponTemplateId(), null)));
        }
        return out;
    }

    private static Map<String, String> fill(Map<String, String> fields, Map<String, String> values) {
        Map<String, String> filled = new LinkedHashMap<>();
        fields.forEach((k, v) -> filled.put(k, Templates.fill(v, values)));
        return filled;
    }

    /**
     * The first time at or after {@code base} in the member's best hour: the hour of the day (tenant zone) they opened
     * most messages in, the latest such hour on a tie; {@code base} itself when they have opened none.
     */
    static Instant bestHour(List<Instant> clicks, ZoneId zone, Instant base) {
        if (clicks.isEmpty()) {
            return base;
        }
        Map<Integer, Long> byHour = clicks.stream().collect(Collectors.groupingBy(t -> t.atZone(zone).getHour(), Collectors.counting()));
        int best = byHour.entrySet().stream().max(Map.Entry.<Integer, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey())).get().getKey();
        ZonedDateTime start = base.atZone(zone);
        if (start.getHour() == best) {
            return base;
        }
        ZonedDateTime at = start.truncatedTo(ChronoUnit.DAYS).withHour(best);
        return (at.isAfter(start) ? at : at.plusDays(1)).toInstant();
    }
}

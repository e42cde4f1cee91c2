package com.siyu.touchpoint.messaging.domain;

import com.siyu.common.context.Caller;
import com.siyu.common.context.CallerContext;
import com.siyu.common.outbox.OutboxWriter;
import com.siyu.touchpoint.follower.domain.Follower;
import com.siyu.touchpoint.follower.domain.FollowerRepository;
import com.siyu.touchpoint.quiethours.domain.QuietHours;
import com.siyu.touchpoint.quiethours.domain.QuietHoursPolicy;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends: made once per source (an event and the preset it triggers, a campaign run and member), then dispatched when
 * due. Before each send the tenant's quiet hours (deferred to their end) and its frequency caps (skipped, or deferred
 * to when the cap lifts when the send says so) are checked; then the channel: the member's unsubscribe, the tenant's
 * sensitive words, an address (openid, phone, push device) and, for subscription messages, the member's quota for the
 * template (one taken per send); a channel that cannot reach the member hands the send to the next of its chain, and the last one
 * skips it. A campaign's coupon is granted (once, by the send's key) just before it goes out; the quota is given back
 * when the channel did not take the message. Each channel is paced to its rate. One dispatcher
 * runs at a time (ShedLock), so the caps hold exactly; a send is claimed before it goes out, and one left claimed by a
 * dispatcher that died is marked FAILED OUTCOME_UNKNOWN, never sent a second time.
 */
@Service
public class Sends {

    private static final Logger log = LoggerFactory.getLogger(Sends.class);
    static final int MAX_ATTEMPTS = 5;
    static final Duration STUCK_AFTER = Duration.ofMinutes(5);
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final MessagingRepository repository;
    private final Messaging messaging;
    private final MiniProgramChannel miniProgram;
    private final SmsChannel sms;
    private final WecomChannel wecom;
    private final OfficialAccountChannel officialAccount;
    private final AppPushChannel appPush;
    private final FollowerRepository followers;
    private final CampaignCoupons coupons;
    private final ChannelRates rates;
    private final QuietHoursPolicy quietHours;
    private final OutboxWriter outbox;
    private final TransactionTemplate tx;
    private final Clock clock;

    public Sends(MessagingRepository repository, Messaging messaging, MiniProgramChannel miniProgram, SmsChannel sms, WecomChannel wecom,
                 OfficialAccountChannel officialAccount, AppPushChannel appPush, FollowerRepository followers, CampaignCoupons coupons, ChannelRates rates,
                 QuietHoursPolicy quietHours, OutboxWriter outbox, PlatformTransactionManager transactions, Clock clock) {
        this.repository = repository;
        this.messaging = messaging;
        this.miniProgram = miniProgram;
        this.sms = sms;
        this.wecom = wecom;
        this.officialAccount = officialAccount;
        this.appPush = appPush;
        this.followers = followers;
        this.coupons = coupons;
        this.rates = rates;
        this.quietHours = quietHours;
        this.outbox = outbox;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** PaymentSucceeded: the tenant's POST_PAYMENT preset, if enabled, as one send per payment. */
    public Optional<Long> paid(long memberId, String paymentNo, long paidFen, Instant paidAt) {
        ZoneId zone = quietHours.current().zone();
        return triggered(Preset.Kind.POST_PAYMENT, memberId, "payment:" + paymentNo + ":" + Preset.Kind.POST_PAYMENT,
                Map.of("amount", String.format("¥%d.%02d", paidFen / 100, paidFen % 100), "paidAt", LOCAL_TIME.format(paidAt.atZone(zone)),
                        "paymentNo", paymentNo), clock.instant());
    }

    /** The mall's local time as presets show it. */
    public String localTime(Instant at) {
        return LOCAL_TIME.format(at.atZone(quietHours.current().zone()));
    }

    /**
     * An event's preset, if the tenant enabled it: one send per {@code sourceKey} (a redelivered event makes none), its
     * fields filled from {@code values}, due at {@code dueAt} (now when that has passed).
     */
    public Optional<Long> triggered(Preset.Kind kind, long memberId, String sourceKey, Map<String, String> values, Instant dueAt) {
        Optional<Preset> preset = repository.preset(kind).filter(Preset::enabled);
        if (preset.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> data = new LinkedHashMap<>();
        preset.get().fields().forEach((field, text) -> data.put(field, Templates.fill(text, values)));
        Instant now = clock.instant();
        return repository.enqueue(new MessagingRepository.NewSend(memberId, Channel.MINI_SUBSCRIBE, preset.get().templateId(), preset.get().page(),
                data, kind.name(), sourceKey, dueAt.isBefore(now) ? now : dueAt, LocalDate.ofInstant(now, quietHours.current().zone())), now);
    }

    /** A send not gone yet that is no longer wanted (a reservation cancelled): SKIPPED with the reason; whether there was one. */
    public boolean withdraw(String sourceKey, String reason) {
        return repository.withdraw(sourceKey, reason);
    }

    @Scheduled(fixedDelayString = "${siyu.touchpoint.dispatch-interval:PT5S}", initialDelayString = "${siyu.touchpoint.dispatch-initial-delay:PT20S}")
    @SchedulerLock(name = "touchpoint.dispatch", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1S")
    public void scheduled() {
        dispatch(clock.instant());
    }

    public record Dispatched(int sent, int deferred, int skipped, int failed, int abandoned) {
    }

    /** Sends every tenant's sends due at {@code now} (up to 1,000 a pass). */
    public Dispatched dispatch(Instant now) {
        int[] counts = new int[5];
        counts[4] = repository.abandonStuck(now.minus(STUCK_AFTER), now);
        for (Map.Entry<Long, List<Send>> tenant : repository.due(now, 1_000).entrySet()) {
            try {
                CallerContext.runAs(Caller.system(tenant.getKey()), () -> {
                    Pass pass = new Pass(new Addresses(tenant.getValue()), repository.sensitiveWords(), quietHours.current(), messaging.policy());
                    tenant.getValue().forEach(send -> counts[dispatch(send, pass, now).ordinal()]++);
                });
            } catch (RuntimeException e) {
                log.warn("Dispatching the sends of tenant {} stopped: {}", tenant.getKey(), e.getMessage());
            }
        }
        return new Dispatched(counts[0], counts[1], counts[2], counts[3], counts[4]);
    }

    enum Outcome { SENT, DEFERRED, SKIPPED, FAILED }

    /** What one pass over a tenant's due sends reads once: addresses, sensitive words, quiet hours, contact policy (the member's unsubscribes are read per send). */
    private record Pass(Addresses addresses, List<String> words, QuietHours quiet, ContactPolicy policy) {
    }

    /**
     * The openids and phones of one pass's members, each asked of member-service once, for all of them, when first
     * needed; likewise their push devices (registered here).
     */
    private final class Addresses {

        private final List<Long> members;
        private Map<Long, String> openIds;
        private Map<Long, String> phones;
        private Map<Long, String> mpOpenIds;
        private Map<Long, List<String>> devices;
        private Map<String, Follower> mpFollowers;

        Addresses(List<Send> sends) {
            this.members = sends.stream().map(Send::memberId).distinct().toList();
        }

        String of(Channel channel, long memberId) {
            if (channel == Channel.MINI_SUBSCRIBE) {
                if (openIds == null) {
                    openIds = miniProgram.openIds(members);
                }
                return openIds.get(memberId);
            }
            if (channel == Channel.MP_TEMPLATE || channel == Channel.MP_SERVICE) {
                if (mpOpenIds == null) {
                    mpOpenIds = officialAccount.openIds(members);
                }
                return mpOpenIds.get(memberId);
            }
            if (phones == null) {
                phones = sms.phones(members);
            }
            return phones.get(memberId);
        }

        /** Whether the official account may still write to the member (inside WeChat's 48 h window after their last interaction). */
        boolean inServiceWindow(long memberId, Instant now) {
            String openId = of(Channel.MP_SERVICE, memberId);
            if (openId == null) {
                return false;
            }
            if (mpFollowers == null) {
                mpFollowers = followers.followers(mpOpenIds.values().stream().distinct().toList());
            }
            Follower follower = mpFollowers.get(openId);
            return follower != null && follower.inWindow(now);
        }

        /** The member's registered push devices (registration ids, newest first); empty when none. */
        List<String> devices(long memberId) {
            if (devices == null) {
                devices = appPush.devices(members);
            }
            return devices.getOrDefault(memberId, List.of());
        }
    }

    private Outcome dispatch(Send send, Pass pass, Instant now) {
        if (!repository.claim(send.id(), now)) {
            return Outcome.DEFERRED;
        }
        try {
            return deliver(send, pass, now);
        } catch (RuntimeException e) {
            // member-service (token, openid, phone) or coupon-service unreachable: nothing went out; later, a few times
            return retryOrFail(send, now, "DEPENDENCY_UNAVAILABLE", e.getClass().getSimpleName());
        }
    }

    private Outcome deliver(Send send, Pass pass, Instant now) {
        QuietHours quiet = pass.quiet();
        if (quiet.isQuietAt(now)) {
            repository.defer(send.id(), quiet.nextSendableAt(now), "QUIET_HOURS");
            return Outcome.DEFERRED;
        }
        Cap capped = capReached(send.memberId(), pass.policy(), quiet, now);
        if (capped != null) {
            if (send.extras().onCap() == Send.OnCap.DEFER) {
                repository.defer(send.id(), capped.lifted(), capped.reason());
                return Outcome.DEFERRED;
            }
            return finish(send, Send.Status.SKIPPED, capped.reason(), null, null, now);
        }
        List<Channel> unsubscribed = repository.unsubscribed(send.memberId());
        Send current = send;
        List<Send.Content> remaining = send.extras().fallbacks();
        while (true) {
            String unreachable = unreachable(current, unsubscribed, pass.addresses(), pass.words(), now);
            if (unreachable == null) {
                Attempt attempt = attempt(current, pass.addresses(), now);
                if (!attempt.fallBack()) {
                    return attempt.outcome();
                }
                unreachable = attempt.reason();
                if (remaining.isEmpty()) {
                    // the channel refused it and there is no other: failed (a quota or account missing: skipped)
                    return finish(current, attempt.ifLast(), unreachable, null, attempt.response(), now);
                }
            }
            if (remaining.isEmpty()) {
                return finish(current, Send.Status.SKIPPED, unreachable, null, null, now);
            }
            // this channel cannot reach the member: the next of the chain (the same send, so caps and the source key hold)
            Send.Content next = remaining.get(0);
            remaining = remaining.subList(1, remaining.size());
            repository.fallBack(current.id(), next, remaining, current.channel() + ":" + unreachable);
            current = new Send(current.id(), current.memberId(), next.channel(), next.templateId(), next.page(), next.data(), current.preset(),
                    current.sourceKey(), current.status(), current.reason(), current.dueAt(), current.attempts(), null, null, null, current.createdAt(),
                    current.trackingToken(), current.extras());
        }
    }

    /** Why the send's channel cannot reach the member before anything is taken (unsubscribed, no address, sensitive content), or null. */
    private String unreachable(Send send, List<Channel> unsubscribed, Addresses addresses, List<String> words, Instant now) {
        if (unsubscribed.contains(send.channel())) {
            return "UNSUBSCRIBED";
        }
        if (SensitiveWords.firstHit(send.content(), words).isPresent()) {
            return "SENSITIVE_CONTENT";
        }
        if (send.channel() == Channel.WECOM) {
            // guide-service knows the member's guide and WeCom contact: it answers NO_GUIDE / NO_CONTACT itself
            return null;
        }
        if (send.channel() == Channel.APP_PUSH) {
            return addresses.devices(send.memberId()).isEmpty() ? "NO_PUSH_DEVICE" : null;
        }
        if (!Set.of(Channel.MINI_SUBSCRIBE, Channel.SMS, Channel.MP_TEMPLATE, Channel.MP_SERVICE).contains(send.channel())) {
            return "CHANNEL_NOT_AVAILABLE";
        }
        if (addresses.of(send.channel(), send.memberId()) == null) {
            return switch (send.channel()) {
                case SMS -> "NO_PHONE";
                case MP_TEMPLATE, MP_SERVICE -> "NO_MP_OPENID";
                default -> "NO_OPENID";
            };
        }
        if (send.channel() == Channel.MP_SERVICE && !addresses.inServiceWindow(send.memberId(), now)) {
            return "MP_OUTSIDE_WINDOW";
        }
        return null;
    }

    /** What one channel did: an outcome, or "fall back" with the reason this channel could not take the message. */
    private record Attempt(Outcome outcome, boolean fallBack, String reason, Send.Status ifLast, String response) {

        static Attempt done(Outcome outcome) {
            return new Attempt(outcome, false, null, null, null);
        }

        /** The member cannot be reached this way (no quota, no account): skipped if no other channel is left. */
        static Attempt next(String reason) {
            return new Attempt(null, true, reason, Send.Status.SKIPPED, null);
        }

        /** The channel refused the message for this member: failed if no other channel is left. */
        static Attempt refused(String reason, String response) {
            return new Attempt(null, true, reason, Send.Status.FAILED, response);
        }
    }

    private Attempt attempt(Send send, Addresses addresses, Instant now) {
        boolean quota = send.channel() == Channel.MINI_SUBSCRIBE;
        if (quota && !repository.consumeQuota(send.memberId(), send.templateId(), now)) {
            return Attempt.next("NO_QUOTA");
        }
        try {
            if (!grantCoupon(send)) {
                giveBack(send, quota, now);
                return Attempt.done(finish(send, Send.Status.SKIPPED, "COUPON_UNAVAILABLE", null, null, now));
            }
            rates.pace(send.channel());
            return switch (send.channel()) {
                case SMS -> sms(send, addresses.of(Channel.SMS, send.memberId()), now);
                case WECOM -> wecom(send, now);
                case MP_TEMPLATE -> officialAccount(send, addresses.of(Channel.MP_TEMPLATE, send.memberId()), now);
                case MP_SERVICE -> officialService(send, addresses.of(Channel.MP_SERVICE, send.memberId()), now);
                case APP_PUSH -> appPush(send, addresses.devices(send.memberId()), now);
                default -> miniProgram(send, addresses.of(Channel.MINI_SUBSCRIBE, send.memberId()), now);
            };
        } catch (RuntimeException e) {
            // a dependency (the access token, coupon-service) failed before anything went out: the quota goes back
            giveBack(send, quota, now);
            throw e;
        }
    }

    private void giveBack(Send send, boolean quota, Instant now) {
        if (quota) {
            repository.returnQuota(send.memberId(), send.templateId(), now);
        }
    }

    /** The campaign's coupon, granted once per send (coupon-service keys it by the send's source); false when it cannot be had. */
    private boolean grantCoupon(Send send) {
        Long template = send.extras().couponTemplateId();
        if (template == null || send.extras().couponId() != null) {
            return true;
        }
        Optional<Long> coupon = coupons.grant(template, send.memberId(), send.sourceKey());
        coupon.ifPresent(id -> repository.couponGranted(send.id(), id));
        return coupon.isPresent();
    }

    private Attempt miniProgram(Send send, String openId, Instant now) {
        MiniProgramChannel.Result result = miniProgram.send(openId, send.templateId(), Attribution.tracked(send.page(), send.trackingToken()), send.data());
        switch (result.outcome()) {
            case SENT:
                return Attempt.done(finish(send, Send.Status.SENT, null, result.msgId(), result.response(), now));
            case REJECTED:
                if (result.errcode() == 43101) {
                    // the member has no subscription left at WeChat: what we counted is wrong, start again from none; another channel may reach them
                    repository.clearQuota(send.memberId(), send.templateId(), now);
                    return Attempt.refused("WECHAT_43101", result.response());
                }
                repository.returnQuota(send.memberId(), send.templateId(), now);
                return Attempt.done(finish(send, Send.Status.FAILED, "WECHAT_" + result.errcode(), null, result.response(), now));
            case UNKNOWN:
                // WeChat may have delivered it: the quota stays taken and it is never sent a second time
                return Attempt.done(finish(send, Send.Status.FAILED, "OUTCOME_UNKNOWN", null, result.response(), now));
            default:
                repository.returnQuota(send.memberId(), send.templateId(), now);
                return Attempt.done(retryOrFail(send, now, "WECHAT_UNAVAILABLE", result.response()));
        }
    }

    private Attempt sms(Send send, String phone, Instant now) {
        SmsChannel.Result result = sms.send(phone, send.templateId(), send.data());
        return switch (result.outcome()) {
            case SENT -> Attempt.done(finish(send, Send.Status.SENT, null, result.msgId(), result.response(), now));
            case NOT_CONFIGURED -> Attempt.next("SMS_NOT_CONFIGURED");
            case REJECTED -> Attempt.done(finish(send, Send.Status.FAILED, clip("SMS_" + result.code()), null, result.response(), now));
            case UNKNOWN -> Attempt.done(finish(send, Send.Status.FAILED, "OUTCOME_UNKNOWN", null, result.response(), now));
            case UNAVAILABLE -> Attempt.done(retryOrFail(send, now, "SMS_UNAVAILABLE", result.response()));
        };
    }

    /** An official-account template message opening the mini-program page with the send's tracking token. */
    private Attempt officialAccount(Send send, String openId, Instant now) {
        OfficialAccountChannel.Result result = officialAccount.send(openId, send.templateId(), Attribution.tracked(send.page(), send.trackingToken()),
                send.data(), "tp" + send.id());
        return switch (result.outcome()) {
            case SENT -> Attempt.done(finish(send, Send.Status.SENT, null, result.msgId(), result.response(), now));
            case NOT_FOLLOWING -> Attempt.next("MP_NOT_FOLLOWING");
            // template messages have no window: WeChat does not answer this for them
            case NOT_CONFIGURED, OUTSIDE_WINDOW -> Attempt.next("MP_NOT_CONFIGURED");
            case REJECTED -> Attempt.refused("WECHAT_" + result.errcode(), result.response());
            case UNKNOWN -> Attempt.done(finish(send, Send.Status.FAILED, "OUTCOME_UNKNOWN", null, result.response(), now));
            case UNAVAILABLE -> Attempt.done(retryOrFail(send, now, "WECHAT_UNAVAILABLE", result.response()));
        };
    }

    /**
     * A customer-service message of the official account (only inside the follower's 48 h window): the text, and a link
     * opening the mini-program page with the send's tracking token when the send names a page. WeChat's 45015 (the
     * window closed meanwhile) and 43004 (unfollowed) hand it to the next channel.
     */
    private Attempt officialService(Send send, String openId, Instant now) {
        OfficialAccountChannel.Result result = officialAccount.sendService(openId, send.data().get("text"), send.data().get("link"),
                send.page() == null || send.page().isBlank() ? null : Attribution.tracked(send.page(), send.trackingToken()));
        return switch (result.outcome()) {
            case SENT -> Attempt.done(finish(send, Send.Status.SENT, null, result.msgId(), result.response(), now));
            case NOT_FOLLOWING -> Attempt.next("MP_NOT_FOLLOWING");
            case OUTSIDE_WINDOW -> Attempt.next("MP_OUTSIDE_WINDOW");
            case NOT_CONFIGURED -> Attempt.next("MP_NOT_CONFIGURED");
            case REJECTED -> Attempt.refused("WECHAT_" + result.errcode(), result.response());
            case UNKNOWN -> Attempt.done(finish(send, Send.Status.FAILED, "OUTCOME_UNKNOWN", null, result.response(), now));
            case UNAVAILABLE -> Attempt.done(retryOrFail(send, now, "WECHAT_UNAVAILABLE", result.response()));
        };
    }

    /**
     * A push to the member's devices: the title and alert of its fields, and the page it opens with the send's tracking
     * token in the extras (the app reports the open as a click, like a mini-program page's {@code tp}). JPush's 1011
     * (none of the devices is known to the app) and no account hand it to the next channel; a refused account fails it.
     */
    private Attempt appPush(Send send, List<String> devices, Instant now) {
        String alert = send.data().get("alert");
        if (alert == null || alert.isBlank()) {
            return Attempt.refused("PUSH_NO_ALERT", null);
        }
        Map<String, String> extras = new LinkedHashMap<>();
        extras.put("tp", send.trackingToken());
        if (send.page() != null && !send.page().isBlank()) {
            extras.put("page", Attribution.tracked(send.page(), send.trackingToken()));
        }
        AppPushChannel.Result result = appPush.send(devices, new AppPushChannel.Notification(send.data().get("title"), alert, extras),
                (int) (send.id() % Integer.MAX_VALUE));
        return switch (result.outcome()) {
            case SENT -> Attempt.done(finish(send, Send.Status.SENT, null, result.msgId(), result.response(), now));
            case NO_AUDIENCE -> Attempt.next("PUSH_NO_AUDIENCE");
            case NOT_CONFIGURED -> Attempt.next("PUSH_NOT_CONFIGURED");
            case AUTH_FAILED -> Attempt.done(finish(send, Send.Status.FAILED, "PUSH_AUTH_FAILED", null, result.response(), now));
            case REJECTED -> Attempt.done(finish(send, Send.Status.FAILED, clip("PUSH_" + result.code()), null, result.response(), now));
            case UNKNOWN -> Attempt.done(finish(send, Send.Status.FAILED, "OUTCOME_UNKNOWN", null, result.response(), now));
            case UNAVAILABLE -> Attempt.done(retryOrFail(send, now, "PUSH_UNAVAILABLE", result.response()));
        };
    }

    /** WeCom 1:1: a mass-send task from the member's guide, which the guide confirms in WeCom (the task's msgid is the channel's). */
    private Attempt wecom(Send send, Instant now) {
        WecomChannel.Result result = wecom.send(send.memberId(), send.data().getOrDefault("text", ""), send.sourceKey());
        return switch (result.outcome()) {
            case SENT -> Attempt.done(finish(send, Send.Status.SENT, null, result.msgId(), null, now, result.guideId()));
            case NO_GUIDE, NO_CONTACT -> Attempt.next(result.outcome().name());
            case NOT_CONFIGURED -> Attempt.next("WECOM_NOT_CONFIGURED");
            case REJECTED -> Attempt.refused("WECOM_" + result.errcode(), null);
        };
    }

    private static String clip(String reason) {
        return reason.length() <= 32 ? reason : reason.substring(0, 32);
    }

    /** A cap reached: which, and when it lifts (the next day or ISO week in the tenant's zone). */
    private record Cap(String reason, Instant lifted) {
    }

    /** DAILY_CAP / WEEKLY_CAP when the member has had as many messages as the policy allows in this day or ISO week. */
    private Cap capReached(long memberId, ContactPolicy policy, QuietHours quiet, Instant now) {
        ZoneId zone = quiet.zone();
        LocalDate today = LocalDate.ofInstant(now, zone);
        Instant dayStart = today.atStartOfDay(zone).toInstant();
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Instant weekStart = monday.atStartOfDay(zone).toInstant();
        int[] sent = repository.sentToday(memberId, dayStart, weekStart, now.plusMillis(1));
        if (sent[0] >= policy.dailyCap()) {
            return new Cap("DAILY_CAP", quiet.nextSendableAt(today.plusDays(1).atStartOfDay(zone).toInstant()));
        }
        if (sent[1] >= policy.weeklyCap()) {
            return new Cap("WEEKLY_CAP", quiet.nextSendableAt(monday.plusWeeks(1).atStartOfDay(zone).toInstant()));
        }
        return null;
    }

    private Outcome retryOrFail(Send send, Instant now, String reason, String response) {
        if (send.attempts() + 1 >= MAX_ATTEMPTS) {
            return finish(send, Send.Status.FAILED, reason, null, response, now);
        }
        repository.requeue(send.id(), now.plus(Duration.ofMinutes(1L << send.attempts())), reason, response);
        return Outcome.DEFERRED;
    }

    private Outcome finish(Send send, Send.Status status, String reason, String msgId, String response, Instant now) {
        return finish(send, status, reason, msgId, response, now, null);
    }

    /** {@code guideId}: the guide a WeCom message went through (guide-service completes that guide's tasks from MessageSent). */
    private Outcome finish(Send send, Send.Status status, String reason, String msgId, String response, Instant now, Long guideId) {
        tx.executeWithoutResult(t -> {
            repository.finish(send.id(), status, reason, msgId, response, now);
            if (guideId != null && status == Send.Status.SENT) {
                repository.sentByGuide(send.id(), guideId);
            }
            if (status == Send.Status.SENT) {
                Map<String, Object> event = new LinkedHashMap<>();
                event.put("sendId", send.id());
                event.put("memberId", send.memberId());
                event.put("channel", send.channel().name());
                event.put("templateId", send.templateId());
                event.put("preset", send.preset());
                if (send.extras().campaignId() != null) {
                    event.put("campaignId", send.extras().campaignId());
                    event.put("arm", send.extras().arm());
                }
                if (guideId != null) {
                    event.put("guideId", guideId);
                }
                event.put("msgId", msgId);
                event.put("at", now.toString());
                outbox.appendEnvelope(CallerContext.requireTenant(), "MessageSent", event);
            }
        });
        return switch (status) {
            case SENT -> Outcome.SENT;
            case SKIPPED -> Outcome.SKIPPED;
            default -> Outcome.FAILED;
        };
    }
}

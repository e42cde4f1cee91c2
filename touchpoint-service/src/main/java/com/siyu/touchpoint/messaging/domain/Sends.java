package com.siyu.touchpoint.messaging.domain;

import com.siyu.common.context.Caller;
import com.siyu.common.context.CallerContext;
import com.siyu.common.outbox.OutboxWriter;
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
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends: made once per source (an event and the preset it triggers), then dispatched when due. Before each send the
 * member's unsubscribes, the tenant's quiet hours (deferred to their end), its frequency caps (a time-bound preset is
 * skipped rather than sent days late) and the member's subscription quota for the template (one taken per send, none
 * = skipped) are checked, in that order; the quota is given back when WeChat did not take the message. One dispatcher
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
    private final QuietHoursPolicy quietHours;
    private final OutboxWriter outbox;
    private final TransactionTemplate tx;
    private final Clock clock;

    public Sends(MessagingRepository repository, Messaging messaging, MiniProgramChannel miniProgram, QuietHoursPolicy quietHours, OutboxWriter outbox,
                 PlatformTransactionManager transactions, Clock clock) {
        this.repository = repository;
        this.messaging = messaging;
        this.miniProgram = miniProgram;
        this.quietHours = quietHours;
        this.outbox = outbox;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** PaymentSucceeded: the tenant's POST_PAYMENT preset, if enabled, as one send per payment. */
    public Optional<Long> paid(long memberId, String paymentNo, long paidFen, Instant paidAt) {
        Optional<Preset> preset = repository.preset(Preset.Kind.POST_PAYMENT).filter(Preset::enabled);
        if (preset.isEmpty()) {
            return Optional.empty();
        }
        ZoneId zone = quietHours.current().zone();
        Map<String, String> values = Map.of("amount", String.format("¥%d.%02d", paidFen / 100, paidFen % 100),
                "paidAt", LOCAL_TIME.format(paidAt.atZone(zone)), "paymentNo", paymentNo);
        Map<String, String> data = new LinkedHashMap<>();
        preset.get().fields().forEach((field, text) -> data.put(field, Templates.fill(text, values)));
        Instant now = clock.instant();
        return repository.enqueue(new MessagingRepository.NewSend(memberId, Channel.MINI_SUBSCRIBE, preset.get().templateId(), preset.get().page(),
                data, Preset.Kind.POST_PAYMENT.name(), "payment:" + paymentNo + ":" + Preset.Kind.POST_PAYMENT, now, LocalDate.ofInstant(now, zone)), now);
    }

    @Scheduled(fixedDelayString = "${siyu.touchpoint.dispatch-interval:PT5S}", initialDelayString = "PT20S")
    @SchedulerLock(name = "touchpoint.dispatch", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1S")
    public void scheduled() {
        dispatch(clock.instant());
    }

    public record Dispatched(int sent, int deferred, int skipped, int failed, int abandoned) {
    }

    /** Sends every tenant's sends due at {@code now}. */
    public Dispatched dispatch(Instant now) {
        int[] counts = new int[5];
        counts[4] = repository.abandonStuck(now.minus(STUCK_AFTER), now);
        for (Map.Entry<Long, List<Send>> tenant : repository.due(now, 1_000).entrySet()) {
            try {
                CallerContext.runAs(Caller.system(tenant.getKey()), () -> tenant.getValue().forEach(send -> counts[dispatch(send, now).ordinal()]++));
            } catch (RuntimeException e) {
                log.warn("Dispatching the sends of tenant {} stopped: {}", tenant.getKey(), e.getMessage());
            }
        }
        return new Dispatched(counts[0], counts[1], counts[2], counts[3], counts[4]);
    }

    enum Outcome { SENT, DEFERRED, SKIPPED, FAILED }

    private Outcome dispatch(Send send, Instant now) {
        if (!repository.claim(send.id(), now)) {
            return Outcome.DEFERRED;
        }
        try {
            return deliver(send, now);
        } catch (RuntimeException e) {
            // member-service (token, openid) unreachable: nothing went out; later, a few times
            return retryOrFail(send, now, "DEPENDENCY_UNAVAILABLE", e.getClass().getSimpleName());
        }
    }

    private Outcome deliver(Send send, Instant now) {
        if (repository.unsubscribed(send.memberId()).contains(send.channel())) {
            return finish(send, Send.Status.SKIPPED, "UNSUBSCRIBED", null, null, now);
        }
        QuietHours quiet = quietHours.current();
        if (quiet.isQuietAt(now)) {
            repository.requeue(send.id(), quiet.nextSendableAt(now), "QUIET_HOURS", null);
            return Outcome.DEFERRED;
        }
        String capped = capReached(send.memberId(), messaging.policy(), quiet.zone(), now);
        if (capped != null) {
            return finish(send, Send.Status.SKIPPED, capped, null, null, now);
        }
        String openId = miniProgram.openIds(List.of(send.memberId())).get(send.memberId());
        if (openId == null) {
            return finish(send, Send.Status.SKIPPED, "NO_OPENID", null, null, now);
        }
        if (!repository.consumeQuota(send.memberId(), send.templateId(), now)) {
            return finish(send, Send.Status.SKIPPED, "NO_QUOTA", null, null, now);
        }
        MiniProgramChannel.Result result;
        try {
            result = miniProgram.send(openId, send.templateId(), Attribution.tracked(send.page(), send.trackingToken()), send.data());
        } catch (RuntimeException e) {
            // the access token could not be had from member-service: the request never left, the quota goes back
            repository.returnQuota(send.memberId(), send.templateId(), now);
            throw e;
        }
        switch (result.outcome()) {
            case SENT:
                return finish(send, Send.Status.SENT, null, result.msgId(), result.response(), now);
            case REJECTED:
                if (result.errcode() == 43101) {
                    // the member has no subscription left at WeChat: what we counted is wrong, start again from none
                    repository.clearQuota(send.memberId(), send.templateId(), now);
                } else {
                    repository.returnQuota(send.memberId(), send.templateId(), now);
                }
                return finish(send, Send.Status.FAILED, "WECHAT_" + result.errcode(), null, result.response(), now);
            case UNKNOWN:
                // WeChat may have delivered it: the quota stays taken and it is never sent a second time
                return finish(send, Send.Status.FAILED, "OUTCOME_UNKNOWN", null, result.response(), now);
            default:
                repository.returnQuota(send.memberId(), send.templateId(), now);
                return retryOrFail(send, now, "WECHAT_UNAVAILABLE", result.response());
        }
    }

    /** DAILY_CAP / WEEKLY_CAP when the member has had as many messages as the policy allows in this day or ISO week. */
    private String capReached(long memberId, ContactPolicy policy, ZoneId zone, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        Instant dayStart = today.atStartOfDay(zone).toInstant();
        Instant weekStart = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(zone).toInstant();
        if (repository.sentBetween(memberId, dayStart, now.plusMillis(1)) >= policy.dailyCap()) {
            return "DAILY_CAP";
        }
        if (repository.sentBetween(memberId, weekStart, now.plusMillis(1)) >= policy.weeklyCap()) {
            return "WEEKLY_CAP";
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
        tx.executeWithoutResult(t -> {
            repository.finish(send.id(), status, reason, msgId, response, now);
            if (status == Send.Status.SENT) {
                Map<String, Object> event = new LinkedHashMap<>();
                event.put("sendId", send.id());
                event.put("memberId", send.memberId());
                event.put("channel", send.channel().name());
                event.put("templateId", send.templateId());
                event.put("preset", send.preset());
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

package com.siyu.guide.wecom.domain;

import com.siyu.common.context.Caller;
import com.siyu.common.context.CallerContext;
import com.siyu.common.problem.DomainException;
import com.siyu.guide.roster.domain.Guide;
import com.siyu.guide.roster.domain.GuideScope;
import com.siyu.guide.wecom.domain.WecomMomentRepository.Line;
import com.siyu.guide.wecom.domain.WecomMomentRepository.LineStatus;
import com.siyu.guide.wecom.domain.WecomMomentRepository.Moment;
import com.siyu.guide.wecom.domain.WecomMomentRepository.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Moments (朋友圈): an operator's text and link for the chosen guides to publish to their customers' moments. One
 * WeCom task over all of them (add_moment_task, visible_range.sender_list.user_list), made by a job that claims the
 * moment first (one caller wins; failures as for group messages); WeCom makes it asynchronously, so its jobid is polled
 * (get_moment_task_result: 1 started, 2 creating, 3 done with the moment id or an errcode), then each guide's
 * publish status is read (get_moment_task) until all have published or the read window ends.
 */
@Service
public class WecomMoments {

    private static final Logger log = LoggerFactory.getLogger(WecomMoments.class);
    static final Duration LEASE = Duration.ofMinutes(5);

    private final WecomMomentRepository moments;
    private final WecomAudience audience;
    private final WecomCorps corps;
    private final WecomApi wecom;
    private final Clock clock;
    private final Duration retry;
    private final Duration poll;
    private final Duration readEvery;
    private final Duration readWindow;

    public WecomMoments(WecomMomentRepository moments, WecomAudience audience, WecomCorps corps, WecomApi wecom, Clock clock,
                        @Value("${siyu.guide.wecom.broadcast-retry:PT1M}") Duration retry,
                        @Value("${siyu.guide.wecom.moment-poll:PT10S}") Duration poll,
                        @Value("${siyu.guide.wecom.result-interval:PT30M}") Duration readEvery,
                        @Value("${siyu.guide.wecom.result-window:P7D}") Duration readWindow) {
        this.moments = moments;
        this.audience = audience;
        this.corps = corps;
        this.wecom = wecom;
        this.clock = clock;
        this.retry = retry;
        this.poll = poll;
        this.readEvery = readEvery;
        this.readWindow = readWindow;
    }

    public record View(Moment moment, List<Line> lines, Totals totals) {
    }

    public record Totals(int guides, int waiting, int published, int invalid, int noWecomUser) {
        static Totals of(List<Line> lines) {
            Map<LineStatus, Long> by = lines.stream().collect(java.util.stream.Collectors.groupingBy(Line::status, java.util.stream.Collectors.counting()));
            return new Totals(lines.size(), by.getOrDefault(LineStatus.WAITING, 0L).intValue(), by.getOrDefault(LineStatus.PUBLISHED, 0L).intValue(),
                    by.getOrDefault(LineStatus.INVALID, 0L).intValue(), by.getOrDefault(LineStatus.NO_WECOM_USER, 0L).intValue());
        }
    }

    /** Made once per caller's key. */
    public View create(Caller staff, String key, WecomContent content, List<Long> storeIds, List<Long> guideIds) {
        corps.require();
        Optional<Long> made = moments.byKey(staff.staffId(), key);
        if (made.isPresent()) {
            return get(staff, made.get());
        }
        WecomAudience.Resolved to = audience.resolve(staff, storeIds, guideIds);
        if (to.guides().stream().allMatch(g -> userId(g) == null)) {
            throw new DomainException(org.springframework.http.HttpStatus.UNPROCESSABLE_ENTITY, "NO_WECOM_GUIDES",
                    "None of the audience's guides has a WeCom userid");
        }
        List<WecomMomentRepository.NewLine> lines = to.guides().stream().map(g -> new WecomMomentRepository.NewLine(g.id(), g.storeId(), userId(g),
                userId(g) == null ? LineStatus.NO_WECOM_USER : LineStatus.WAITING)).toList();
        long id;
        try {
            id = moments.create(staff.staffId(), key, content, to.storeIds(), lines, now());
        } catch (DuplicateKeyException e) {
            id = moments.byKey(staff.staffId(), key).orElseThrow(() -> e);
        }
        return get(staff, id);
    }

    private static String userId(Guide g) {
        return g.wecomUserId() == null || g.wecomUserId().isBlank() ? null : g.wecomUserId();
    }

    public View get(Caller staff, long id) {
        Moment moment = moments.find(id).orElseThrow(() -> DomainException.notFound("Moment", id));
        Long store = GuideScope.storeOf(staff);
        List<Line> lines = moments.lines(id, store);
        if (store != null && lines.isEmpty()) {
            throw DomainException.notFound("Moment", id);
        }
        return new View(moment, lines, Totals.of(lines));
    }

    public List<View> list(Caller staff, Long before, int limit) {
        Long store = GuideScope.storeOf(staff);
        return moments.list(store, before, limit).stream().map(m -> {
            List<Line> lines = moments.lines(m.id(), store);
            return new View(m, lines, Totals.of(lines));
        }).toList();
    }

    /** Polls WeCom's job now (when it has not answered a moment id yet) and reads the guides' publish statuses. */
    public View refresh(Caller staff, long id) {
        get(staff, id);
        WecomCorp corp = corps.require();
        Instant now = now();
        Moment moment = moments.find(id).orElseThrow();
        if (moment.status() == Status.SUBMITTED) {
            poll(corp, moment, now, true);
            moment = moments.find(id).orElseThrow();
        }
        if (moment.status() == Status.CREATED) {
            read(corp, moment, now, true);
        }
        return get(staff, id);
    }

    public List<Moment> waitingFor(long guideId, int limit) {
        return moments.waitingFor(guideId, limit);
    }

    @Scheduled(fixedDelayString = "${siyu.guide.wecom.broadcast-interval:PT10S}", initialDelayString = "${siyu.guide.wecom.broadcast-initial-delay:PT30S}")
    @SchedulerLock(name = "guide.wecom-moments", lockAtMostFor = "PT10M", lockAtLeastFor = "PT2S")
    public void scheduled() {
        drive(now());
    }

    /** Submits, polls and reads every tenant's due moments as of {@code now}: how many WeCom tasks were made. Safe on several threads. */
    public int drive(Instant now) {
        int expired = moments.expireClaims(now);
        if (expired > 0) {
            log.warn("{} WeCom moments were claimed by a submitter that stopped: UNKNOWN, not submitted again", expired);
        }
        Instant since = now.minus(readWindow);
        int made = 0;
        for (long tenant : moments.tenantsDue(now, since)) {
            try {
                made += CallerContext.callAs(Caller.system(tenant), () -> driveTenant(now, since));
            } catch (RuntimeException e) {
                log.warn("WeCom moments of tenant {} stopped: {}", tenant, e.getMessage());
            }
        }
        return made;
    }

    private int driveTenant(Instant now, Instant since) {
        Optional<WecomCorp> corp = corps.find();
        if (corp.isEmpty()) {
            return 0;
        }
        int made = 0;
        for (Moment moment : moments.due(now, since, 100)) {
            switch (moment.status()) {
                case PENDING -> {
                    if (moments.claim(moment.id(), now, now.plus(LEASE)) && submit(corp.get(), moment, now)) {
                        made++;
                    }
                }
                case SUBMITTED -> poll(corp.get(), moment, now, false);
                case CREATED -> read(corp.get(), moment, now, false);
                default -> {
                }
            }
        }
        return made;
    }

    private boolean submit(WecomCorp corp, Moment moment, Instant now) {
        int attempts = moment.attempts() + 1;
        List<String> users = moments.lines(moment.id(), null).stream().filter(l -> l.userId() != null).map(Line::userId).toList();
        try {
            String jobId = wecom.addMomentTask(corp, users, moment.content());
            moments.submitted(moment.id(), jobId, now.plus(poll), now);
            return true;
        } catch (WecomRejected | WecomUnavailable e) {
            switch (WecomRetry.after(e, attempts)) {
                case RETRY -> moments.retry(moment.id(), WecomRetry.errcode(e), e.getMessage(), now.plus(WecomRetry.backoff(retry, attempts)), now);
                case FAILED -> moments.failed(moment.id(), WecomRetry.errcode(e), e.getMessage(), now);
                case UNKNOWN -> moments.unknown(moment.id(), e.getMessage(), now);
            }
            return false;
        }
    }

    private void poll(WecomCorp corp, Moment moment, Instant now, boolean asked) {
        WecomApi.MomentJob job;
        try {
            job = wecom.momentTaskResult(corp, moment.jobId());
        } catch (WecomRejected e) {
            if (WecomRetry.after(e, 1) == WecomRetry.Decision.FAILED) {
                // the jobid is unknown or expired (WeCom keeps it 24 hours): nothing more will come of it
                moments.failed(moment.id(), e.errcode(), "job result: " + e.getMessage(), now);
                return;
            }
            pollFailed(moment, e, now, asked);
            return;
        } catch (WecomUnavailable e) {
            pollFailed(moment, e, now, asked);
            return;
        }
        if (!job.done()) {
            moments.pollLater(moment.id(), now.plus(poll), now);
        } else if (job.errcode() != null && job.errcode() != 0 || job.momentId() == null) {
            moments.failed(moment.id(), job.errcode(), "WeCom's job ended without a moment: " + job.errmsg(), now);
        } else {
            moments.created(moment.id(), job.momentId(), job.invalidSenders(), now, now);
        }
    }

    private void pollFailed(Moment moment, RuntimeException e, Instant now, boolean asked) {
        if (asked) {
            throw e instanceof WecomRejected r ? WecomFailures.problem(r) : WecomFailures.problem((WecomUnavailable) e);
        }
        moments.pollLater(moment.id(), now.plus(poll), now);
    }

    private void read(WecomCorp corp, Moment moment, Instant now, boolean asked) {
        try {
            Map<String, Integer> published = wecom.momentPublishStatuses(corp, moment.wecomMomentId());
            boolean everyone = moments.lines(moment.id(), null).stream().filter(l -> l.status() == LineStatus.WAITING)
                    .allMatch(l -> Integer.valueOf(1).equals(published.get(l.userId())));
            moments.read(moment.id(), published, everyone ? null : now.plus(readEvery), now);
        } catch (WecomRejected | WecomUnavailable e) {
            if (asked) {
                throw e instanceof WecomRejected r ? WecomFailures.problem(r) : WecomFailures.problem((WecomUnavailable) e);
            }
            log.info("WeCom publish statuses of moment {} not read: {}", moment.id(), e.getMessage());
            moments.readLater(moment.id(), now.plus(readEvery));
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}

package com.siyu.guide.wecom.domain;

import com.siyu.common.context.Caller;
import com.siyu.common.context.CallerContext;
import com.siyu.common.problem.DomainException;
import com.siyu.guide.roster.domain.Guide;
import com.siyu.guide.wecom.domain.WecomGroupMessageRepository.Line;
import com.siyu.guide.wecom.domain.WecomGroupMessageRepository.LineStatus;
import com.siyu.guide.wecom.domain.WecomGroupMessageRepository.Message;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
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
 * Group messages (客户群群发): an operator's text and attachments to the customer groups of a set of guides. WeCom
 * needs the sender of a group message, so it is one WeCom task per guide (add_msg_template, chat_type group, sender
 * the guide's userid), which the guide confirms in their WeCom client. The create records a line per guide; a job
 * claims each due line (a conditional update: one caller wins) and makes its one WeCom call — a passing failure is
 * tried again with backoff, a refusal is FAILED with WeCom's errcode, a call that may have reached WeCom is UNKNOWN
 * and never repeated. Another job (and {@link #refresh}) reads each task's results: whether the guide has sent it
 * and to how many groups it went.
 */
@Service
public class WecomGroupMessages {

    private static final Logger log = LoggerFactory.getLogger(WecomGroupMessages.class);
    static final Duration LEASE = Duration.ofMinutes(5);
    static final int BATCH = 500;

    private final WecomGroupMessageRepository messages;
    private final WecomAudience audience;
    private final WecomCorps corps;
    private final WecomApi wecom;
    private final Clock clock;
    private final Duration retry;
    private final Duration readEvery;
    private final Duration readWindow;

    public WecomGroupMessages(WecomGroupMessageRepository messages, WecomAudience audience, WecomCorps corps, WecomApi wecom, Clock clock,
                              @Value("${siyu.guide.wecom.broadcast-retry:PT1M}") Duration retry,
                              @Value("${siyu.guide.wecom.result-interval:PT30M}") Duration readEvery,
                              @Value("${siyu.guide.wecom.result-window:P7D}") Duration readWindow) {
        this.messages = messages;
        this.audience = audience;
        this.corps = corps;
        this.wecom = wecom;
        this.clock = clock;
        this.retry = retry;
        this.readEvery = readEvery;
        this.readWindow = readWindow;
    }

    /** A message with the lines the caller sees and their sums. */
    public record View(Message message, List<Line> lines, Totals totals) {
    }

    public record Totals(int guides, int pending, int created, int failed, int noWecomUser, int unknown, int guidesUnsent, int guidesSent,
                         int groupsReached) {
        static Totals of(List<Line> lines) {
            int pending = 0;
            int created = 0;
            int failed = 0;
            int noUser = 0;
            int unknown = 0;
            int unsent = 0;
            int sent = 0;
            int groups = 0;
            for (Line l : lines) {
                switch (l.status()) {
                    case PENDING, SENDING -> pending++;
                    case CREATED -> {
                        created++;
                        if ("SENT".equals(l.wecomStatus())) {
                            sent++;
                        } else {
                            unsent++;
                        }
                        groups += l.groupsReached() == null ? 0 : l.groupsReached();
                    }
                    case FAILED -> failed++;
                    case NO_WECOM_USER -> noUser++;
                    case UNKNOWN -> unknown++;
                }
            }
            return new Totals(lines.size(), pending, created, failed, noUser, unknown, unsent, sent, groups);
        }
    }

    /** Made once per caller's key: the same key again answers the message it made. */
    public View create(Caller staff, String key, WecomContent content, List<Long> storeIds) {
        corps.require();
        Optional<Long> made = messages.byKey(staff.staffId(), key);
        if (made.isPresent()) {
            return get(staff, made.get());
        }
        WecomAudience.Resolved to = audience.resolve(staff, storeIds, null);
        List<WecomGroupMessageRepository.NewLine> lines = to.guides().stream().map(g -> new WecomGroupMessageRepository.NewLine(g.id(),
                g.storeId(), sender(g), sender(g) == null ? LineStatus.NO_WECOM_USER : LineStatus.PENDING)).toList();
        long id;
        try {
            id = messages.create(staff.staffId(), key, content, to.storeIds(), lines, now());
        } catch (DuplicateKeyException e) {
            id = messages.byKey(staff.staffId(), key).orElseThrow(() -> e);
        }
        return get(staff, id);
    }

    private static String sender(Guide g) {
        return g.wecomUserId() == null || g.wecomUserId().isBlank() ? null : g.wecomUserId();
    }

    public View get(Caller staff, long id) {
        Message message = messages.find(id).orElseThrow(() -> DomainException.notFound("Group message", id));
        Long store = com.siyu.guide.roster.domain.GuideScope.storeOf(staff);
        List<Line> lines = messages.lines(id, store);
        if (store != null && lines.isEmpty()) {
            throw DomainException.notFound("Group message", id);
        }
        return new View(message, lines, Totals.of(lines));
    }

    public List<View> list(Caller staff, Long before, int limit) {
        Long store = com.siyu.guide.roster.domain.GuideScope.storeOf(staff);
        return messages.list(store, before, limit).stream().map(m -> {
            List<Line> lines = messages.lines(m.id(), store);
            return new View(m, lines, Totals.of(lines));
        }).toList();
    }

    /** Reads WeCom's results of every task of the message now. */
    public View refresh(Caller staff, long id) {
        View view = get(staff, id);
        WecomCorp corp = corps.require();
        Instant now = now();
        for (Line line : messages.lines(id, null)) {
            if (line.status() == LineStatus.CREATED) {
                read(corp, line, now, true);
            }
        }
        return get(staff, view.message().id());
    }

    /** The tasks waiting in the guide's WeCom client, with their messages. */
    public List<Map.Entry<Message, Line>> waitingFor(long guideId, int limit) {
        Map<Long, Message> cache = new HashMap<>();
        return messages.waitingFor(guideId, limit).stream()
                .map(l -> Map.entry(cache.computeIfAbsent(l.messageId(), id -> messages.find(id).orElseThrow()), l)).toList();
    }

    @Scheduled(fixedDelayString = "${siyu.guide.wecom.broadcast-interval:PT10S}", initialDelayString = "${siyu.guide.wecom.broadcast-initial-delay:PT30S}")
    @SchedulerLock(name = "guide.wecom-group-messages", lockAtMostFor = "PT10M", lockAtLeastFor = "PT2S")
    public void scheduled() {
        Instant now = now();
        dispatch(now);
        readResults(now);
    }

    /** Sends every tenant's due lines as of {@code now}: how many WeCom tasks were made. Safe to run on several threads at once. */
    public int dispatch(Instant now) {
        int expired = messages.expireClaims(now);
        if (expired > 0) {
            log.warn("{} WeCom group message lines were claimed by a sender that stopped: UNKNOWN, not sent again", expired);
        }
        int made = 0;
        for (long tenant : messages.tenantsDue(now)) {
            try {
                made += CallerContext.callAs(Caller.system(tenant), () -> dispatchTenant(now));
            } catch (RuntimeException e) {
                log.warn("WeCom group messages of tenant {} stopped: {}", tenant, e.getMessage());
            }
        }
        return made;
    }

    private int dispatchTenant(Instant now) {
        Optional<WecomCorp> corp = corps.find();
        if (corp.isEmpty()) {
            return 0;
        }
        Map<Long, WecomContent> contents = new HashMap<>();
        int made = 0;
        for (Line line : messages.due(now, BATCH)) {
            if (!messages.claim(line.id(), now, now.plus(LEASE))) {
                continue;
            }
            WecomContent content = contents.computeIfAbsent(line.messageId(), id -> messages.find(id).orElseThrow().content());
            if (send(corp.get(), line, content, now)) {
                made++;
            }
        }
        return made;
    }

    private boolean send(WecomCorp corp, Line line, WecomContent content, Instant now) {
        int attempts = line.attempts() + 1;
        try {
            WecomApi.GroupMsgCreated created = wecom.addGroupMsgTemplate(corp, line.senderUserId(), content);
            messages.created(line.id(), created.msgId(), created.failList(), now.plus(readEvery), now);
            return true;
        } catch (WecomRejected | WecomUnavailable e) {
            switch (WecomRetry.after(e, attempts)) {
                case RETRY -> messages.retry(line.id(), WecomRetry.errcode(e), e.getMessage(), now.plus(WecomRetry.backoff(retry, attempts)), now);
                case FAILED -> messages.failed(line.id(), WecomRetry.errcode(e), e.getMessage(), now);
                case UNKNOWN -> messages.unknown(line.id(), e.getMessage(), now);
            }
            return false;
        }
    }

    /** Reads the results of every tenant's tasks due to be read as of {@code now}. */
    public void readResults(Instant now) {
        Instant since = now.minus(readWindow);
        for (long tenant : messages.tenantsToRead(now, since)) {
            try {
                CallerContext.runAs(Caller.system(tenant), () -> corps.find().ifPresent(corp -> {
                    for (Line line : messages.toRead(now, since, BATCH)) {
                        read(corp, line, now, false);
                    }
                }));
            } catch (RuntimeException e) {
                log.warn("WeCom group message results of tenant {} not read: {}", tenant, e.getMessage());
            }
        }
    }

    private void read(WecomCorp corp, Line line, Instant now, boolean asked) {
        try {
            Optional<WecomApi.GroupMsgTask> mine = wecom.groupMsgTasks(corp, line.msgId()).stream()
                    .filter(t -> line.senderUserId().equals(t.userId())).findFirst();
            boolean sent = mine.isPresent() && mine.get().status() == 2;
            Integer reached = null;
            Integer unsent = null;
            Integer failed = null;
            if (sent) {
                List<WecomApi.GroupMsgSend> sends = wecom.groupMsgSends(corp, line.msgId(), line.senderUserId());
                reached = (int) sends.stream().filter(s -> s.status() == 1).count();
                unsent = (int) sends.stream().filter(s -> s.status() == 0).count();
                failed = sends.size() - reached - unsent;
            }
            // once sent, the job stops; an operator's refresh still reads it
            messages.read(line.id(), sent ? "SENT" : "UNSENT", mine.map(WecomApi.GroupMsgTask::sentAt).orElse(null), reached, unsent, failed,
                    sent ? null : now.plus(readEvery), now);
        } catch (WecomRejected | WecomUnavailable e) {
            if (asked) {
                throw e instanceof WecomRejected r ? WecomFailures.problem(r) : WecomFailures.problem((WecomUnavailable) e);
            }
            log.info("WeCom results of group message task {} not read: {}", line.msgId(), e.getMessage());
            messages.readLater(line.id(), now.plus(readEvery));
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}

package com.siyu.guide.wecom.domain;

import com.siyu.common.context.Caller;
import com.siyu.common.context.CallerContext;
import com.siyu.guide.roster.domain.Guide;
import com.siyu.guide.roster.domain.GuideStatus;
import com.siyu.guide.roster.domain.Roster;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * WeCom's own move of a handover's customers (在职继承 for a MOVED guide, 离职继承 for a LEFT one), per customer:
 * the handover queues each of the leaver's WeCom contacts it moves (PENDING); this job submits them to WeCom at
 * most 100 per call and per (leaver, successor), polls WeCom's results (WAITING: a departed employee's customers
 * move 24 h later; a customer may refuse an on-job transfer) and settles each TRANSFERRED or REFUSED; a customer
 * WeCom could not move (its errcode, the successor's contact limit, no record) is FAILED and submitted again after
 * a delay, until {@code MAX_ATTEMPTS}.
 *
 * <p>Whatever WeCom answers, the binding stays where the handover put it: with the successor, an active guide of
 * the store who serves the member, earns their commission and gets their tasks. WeCom's answer only decides whose
 * WeCom contact the shopper is: TRANSFERRED moves the contact; REFUSED and a final FAILED leave it with the leaver
 * and are listed per handover, so the successor reaches that shopper another way (a store contact code).
 */
@Service
public class WecomTransfers {

    private static final Logger log = LoggerFactory.getLogger(WecomTransfers.class);
    public static final int MAX_ATTEMPTS = 5;
    static final int BATCH = 100;
    static final String MESSAGE = "您好，您的专属导购已更换，新导购将继续为您服务。";

    private final WecomTransferRepository transfers;
    private final WecomRepository contacts;
    private final WecomCorps corps;
    private final WecomApi wecom;
    private final Roster roster;
    private final Clock clock;
    private final Duration poll;
    private final Duration retry;

    public WecomTransfers(WecomTransferRepository transfers, WecomRepository contacts, WecomCorps corps, WecomApi wecom, Roster roster,
                          Clock clock, @Value("${siyu.guide.wecom.transfer-poll:PT1H}") Duration poll,
                          @Value("${siyu.guide.wecom.transfer-retry:PT10M}") Duration retry) {
        this.transfers = transfers;
        this.contacts = contacts;
        this.corps = corps;
        this.wecom = wecom;
        this.roster = roster;
        this.clock = clock;
        this.poll = poll;
        this.retry = retry;
    }

    public record Moved(long memberId, long guideId) {
    }

    /**
     * In the transaction of a handover chunk: the leaver's WeCom contacts among the members it moved, each queued for
     * WeCom's transfer to its new guide (FAILED at once, for good, when that guide has no WeCom userid).
     */
    public void enqueue(long handoverId, Guide leaver, List<Moved> moved, Instant now) {
        if (leaver.wecomUserId() == null || moved.isEmpty() || corps.find().isEmpty()) {
            return;
        }
        Map<Long, Long> successorOf = new HashMap<>();
        moved.forEach(m -> successorOf.put(m.memberId(), m.guideId()));
        List<WecomContact> theirs = contacts.activeContacts(leaver.id(), successorOf.keySet());
        if (theirs.isEmpty()) {
            return;
        }
        WecomApi.TransferMode mode = leaver.status() == GuideStatus.LEFT ? WecomApi.TransferMode.RESIGNED : WecomApi.TransferMode.ONJOB;
        Map<Long, Optional<Guide>> successors = new HashMap<>();
        List<WecomTransfer.New> queued = new ArrayList<>();
        for (WecomContact contact : theirs) {
            long to = successorOf.get(contact.memberId());
            String toUser = successors.computeIfAbsent(to, roster::find).map(Guide::wecomUserId).orElse(null);
            queued.add(new WecomTransfer.New(contact.memberId(), contact.externalUserId(), leaver.id(), contact.wecomUserId(), to, toUser, mode,
                    toUser == null ? WecomTransfer.Status.FAILED : WecomTransfer.Status.PENDING,
                    toUser == null ? "guide " + to + " has no WeCom userid" : null));
        }
        transfers.enqueue(handoverId, queued, now);
    }

    @Scheduled(fixedDelayString = "${siyu.guide.wecom.transfer-interval:PT1M}", initialDelayString = "PT1M")
    @net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "guide.wecom-transfers", lockAtMostFor = "PT10M", lockAtLeastFor = "PT10S")
    public void scheduled() {
        drive(clock.instant());
    }

    /** Submits and polls every tenant's due transfers as of {@code now}. */
    public void drive(Instant now) {
        for (long tenant : transfers.tenantsDue(now)) {
            try {
                CallerContext.runAs(Caller.system(tenant), () -> driveTenant(now));
            } catch (RuntimeException e) {
                log.warn("WeCom transfers of tenant {} stopped: {}", tenant, e.getMessage());
            }
        }
    }

    private void driveTenant(Instant now) {
        Optional<WecomCorp> corp = corps.find();
        if (corp.isEmpty()) {
            return;
        }
        Map<String, List<WecomTransfer>> submit = new LinkedHashMap<>();
        Map<String, List<WecomTransfer>> check = new LinkedHashMap<>();
        for (WecomTransfer t : transfers.due(now, 5_000)) {
            String pair = t.mode() + "|" + t.fromUserId() + "|" + t.toUserId();
            (t.status() == WecomTransfer.Status.WAITING ? check : submit).computeIfAbsent(pair, k -> new ArrayList<>()).add(t);
        }
        submit.values().forEach(group -> {
            for (int i = 0; i < group.size(); i += BATCH) {
                submit(corp.get(), group.subList(i, Math.min(group.size(), i + BATCH)), now);
            }
        });
        check.values().forEach(group -> check(corp.get(), group, now));
    }

    private void submit(WecomCorp corp, List<WecomTransfer> batch, Instant now) {
        WecomTransfer first = batch.get(0);
        Map<String, Integer> answers;
        try {
            answers = wecom.transfer(corp, first.mode(), first.fromUserId(), first.toUserId(),
                    batch.stream().map(WecomTransfer::externalUserId).toList(), MESSAGE);
        } catch (WecomRejected e) {
            batch.forEach(t -> failed(t, e.errcode(), "WeCom refused the call", now));
            return;
        } catch (WecomUnavailable e) {
            batch.forEach(t -> failed(t, null, "WeCom unreachable", now));
            return;
        }
        for (WecomTransfer t : batch) {
            Integer errcode = answers.get(t.externalUserId());
            if (errcode != null && errcode == 0) {
                transfers.update(t.id(), WecomTransfer.Status.WAITING, t.attempts() + 1, 0, null, now.plus(poll), now);
            } else {
                failed(t, errcode, errcode == null ? "WeCom did not answer for this customer" : "WeCom refused this customer", now);
            }
        }
    }

    private void check(WecomCorp corp, List<WecomTransfer> group, Instant now) {
        WecomTransfer first = group.get(0);
        Map<String, WecomApi.TransferState> states;
        try {
            states = wecom.transferResults(corp, first.mode(), first.fromUserId(), first.toUserId());
        } catch (WecomRejected | WecomUnavailable e) {
            group.forEach(t -> transfers.update(t.id(), WecomTransfer.Status.WAITING, t.attempts(), t.errcode(), "result not read: " + e.getMessage(),
                    now.plus(retry), now));
            return;
        }
        for (WecomTransfer t : group) {
            WecomApi.TransferState state = states.getOrDefault(t.externalUserId(), WecomApi.TransferState.NORECORD);
            switch (state) {
                case COMPLETE -> {
                    contacts.moveContact(t.fromUserId(), t.externalUserId(), t.toUserId(), t.toGuideId(), now);
                    transfers.update(t.id(), WecomTransfer.Status.TRANSFERRED, t.attempts(), 0, null, null, now);
                }
                case WAITING -> transfers.update(t.id(), WecomTransfer.Status.WAITING, t.attempts(), 0, null, now.plus(poll), now);
                case REFUSED -> transfers.update(t.id(), WecomTransfer.Status.REFUSED, t.attempts(), null, "the customer refused", null, now);
                case LIMIT -> failed(t, null, "the successor has reached WeCom's contact limit", now);
                case NORECORD -> failed(t, null, "WeCom has no record of the transfer", now);
            }
        }
    }

    private void failed(WecomTransfer t, Integer errcode, String detail, Instant now) {
        int attempts = t.status() == WecomTransfer.Status.WAITING ? t.attempts() : t.attempts() + 1;
        Instant next = attempts >= MAX_ATTEMPTS ? null : now.plus(retry.multipliedBy(attempts));
        transfers.update(t.id(), WecomTransfer.Status.FAILED, attempts, errcode, detail, next, now);
    }

    /** WeCom's transfer_fail callback: the customer refused, or the successor's contacts are full (retried). */
    public String failedInWecom(String toUserId, String externalUserId, String reason, Instant now) {
        Optional<WecomTransfer> waiting = transfers.waiting(toUserId, externalUserId);
        if (waiting.isEmpty()) {
            return "NO_TRANSFER_WAITING";
        }
        if ("customer_refused".equals(reason)) {
            transfers.update(waiting.get().id(), WecomTransfer.Status.REFUSED, waiting.get().attempts(), null, "the customer refused", null, now);
            return "REFUSED";
        }
        failed(waiting.get(), null, "WeCom: " + reason, now);
        return "FAILED";
    }

    public List<WecomTransfer> ofHandover(long handoverId) {
        return transfers.ofHandover(handoverId);
    }
}

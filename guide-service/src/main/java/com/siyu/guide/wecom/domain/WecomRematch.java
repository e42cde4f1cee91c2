package com.siyu.guide.wecom.domain;

import com.siyu.common.context.Caller;
import com.siyu.common.context.CallerContext;
import com.siyu.guide.roster.domain.Guide;
import com.siyu.guide.roster.domain.GuideStatus;
import com.siyu.guide.roster.domain.Roster;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Contacts added while their shopper or guide was unknown are tried again: a shopper often adds a guide on WeCom before
 * ever opening the mini-program (member-service learns their unionid then), a guide's WeCom userid may be enrolled after
 * their first adds. Each ACTIVE contact of the last 90 days is tried at most once a day; once both are known it becomes a
 * WECOM touch of the binding rules (as the add would have been) and gets its contact code's tags.
 */
@Service
public class WecomRematch {

    private static final Logger log = LoggerFactory.getLogger(WecomRematch.class);
    static final Duration WINDOW = Duration.ofDays(90);
    static final Duration RETRY_AFTER = Duration.ofHours(20);
    private static final int PER_RUN = 500;

    private final WecomRepository repository;
    private final WecomCorps corps;
    private final WecomMembers members;
    private final WecomCallbacks callbacks;
    private final ContactCodeRepository codes;
    private final Roster roster;
    private final Clock clock;

    public WecomRematch(WecomRepository repository, WecomCorps corps, WecomMembers members, WecomCallbacks callbacks, ContactCodeRepository codes,
                        Roster roster, Clock clock) {
        this.repository = repository;
        this.corps = corps;
        this.members = members;
        this.callbacks = callbacks;
        this.codes = codes;
        this.roster = roster;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${siyu.guide.wecom-rematch-interval:PT1H}", initialDelayString = "PT7M")
    @SchedulerLock(name = "guide.wecom-rematch", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    public void scheduled() {
        rematch(clock.instant());
    }

    public record Run(int tried, int bound) {
    }

    public Run rematch(Instant now) {
        int[] counts = new int[2];
        for (long tenant : repository.tenantsWithUnmatchedContacts(now.minus(WINDOW), now.minus(RETRY_AFTER))) {
            try {
                CallerContext.runAs(Caller.system(tenant), () -> corps.find().ifPresent(corp -> ofTenant(corp, now, counts)));
            } catch (RuntimeException e) {
                // WeCom or member-service unavailable: the rest waits for the next run (nothing was marked as tried)
                log.warn("Re-matching WeCom contacts of tenant {} stopped: {}", tenant, e.getMessage());
            }
        }
        return new Run(counts[0], counts[1]);
    }

    private void ofTenant(WecomCorp corp, Instant now, int[] counts) {
        List<WecomContact> unmatched = repository.unmatchedContacts(now.minus(WINDOW), now.minus(RETRY_AFTER), PER_RUN);
        for (WecomContact contact : unmatched) {
            Optional<Guide> guide = contact.guideId() != null ? roster.find(contact.guideId()) : roster.findByWecomUser(contact.wecomUserId());
            Long memberId = contact.memberId() != null ? contact.memberId() : members.memberOf(corp, contact.externalUserId(), null);
            repository.matched(contact.id(), guide.map(Guide::id).orElse(null), memberId, now);
            counts[0]++;
            if (memberId == null || guide.isEmpty() || guide.get().status() != GuideStatus.ACTIVE) {
                continue;
            }
            String outcome = callbacks.bind(memberId, guide.get(), contact.channel());
            if (contact.memberId() == null && contact.codeId() != null) {
                codes.find(contact.codeId()).filter(c -> !c.tags().isEmpty()).ifPresent(c -> members.tag(memberId, c.tags()));
            }
            log.debug("WeCom contact {} matched later: {}", contact.id(), outcome);
            counts[1]++;
        }
    }
}

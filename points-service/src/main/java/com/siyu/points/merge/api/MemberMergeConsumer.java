package com.siyu.points.merge.api;

import com.siyu.common.inbox.EventConsumer;
import com.siyu.common.inbox.ReceivedEvent;
import com.siyu.points.merge.domain.AccountMerges;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * member-service's {@code MemberMerged} / {@code MemberUnmerged} (payload {@code mergeId, survivorId, mergedId}),
 * applied once each through common's inbox, as the event's tenant.
 */
@Component
class MemberMergeConsumer implements EventConsumer {

    static final String MERGED = "member-service.MemberMerged";
    static final String UNMERGED = "member-service.MemberUnmerged";

    private final AccountMerges merges;

    MemberMergeConsumer(AccountMerges merges) {
        this.merges = merges;
    }

    @Override
    public Set<String> routingKeys() {
        return Set.of(MERGED, UNMERGED);
    }

    @Override
    public void consume(ReceivedEvent event) {
        long mergeId = event.requireLong("mergeId");
        if (MERGED.equals(event.key())) {
            merges.merge(mergeId, event.requireLong("survivorId"), event.requireLong("mergedId"));
        } else {
            merges.unmerge(mergeId, event.requireLong("survivorId"), event.requireLong("mergedId"));
        }
    }
}

package com.siyu.coupon.merge.api;

import com.siyu.common.inbox.EventConsumer;
import com.siyu.common.inbox.ReceivedEvent;
import com.siyu.coupon.merge.domain.WalletMerges;
import java.util.Set;
import org.springframework.stereotype.Component;

/** member-service's MemberMerged / MemberUnmerged, applied once each through common's inbox, as the event's tenant. */
@Component
class MemberMergeConsumer implements EventConsumer {

    static final String MERGED = "member-service.MemberMerged";
    static final String UNMERGED = "member-service.MemberUnmerged";

    private final WalletMerges merges;

    MemberMergeConsumer(WalletMerges merges) {
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

package com.siyu.guide.binding.api;

import com.siyu.common.inbox.EventConsumer;
import com.siyu.common.inbox.ReceivedEvent;
import com.siyu.guide.binding.domain.Bindings;
import java.util.Set;
import org.springframework.stereotype.Component;

/** member-service's MemberMerged / MemberUnmerged, applied once each through common's inbox. */
@Component
class MemberMergeConsumer implements EventConsumer {

    static final String MERGED = "member-service.MemberMerged";
    static final String UNMERGED = "member-service.MemberUnmerged";

    private final Bindings bindings;

    MemberMergeConsumer(Bindings bindings) {
        this.bindings = bindings;
    }

    @Override
    public Set<String> routingKeys() {
        return Set.of(MERGED, UNMERGED);
    }

    @Override
    public void consume(ReceivedEvent event) {
        long mergeId = event.requireLong("mergeId");
        if (MERGED.equals(event.key())) {
            bindings.merged(mergeId, event.requireLong("survivorId"), event.requireLong("mergedId"));
        } else {
            bindings.unmerged(mergeId, event.requireLong("survivorId"), event.requireLong("mergedId"));
        }
    }
}

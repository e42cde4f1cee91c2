package com.siyu.touchpoint.messaging.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.siyu.common.feign.RemoteRejection;
import com.siyu.common.inbox.EventConsumer;
import com.siyu.common.inbox.MalformedEvent;
import com.siyu.common.inbox.ReceivedEvent;
import com.siyu.touchpoint.client.GuideClient;
import com.siyu.touchpoint.messaging.domain.Preset;
import com.siyu.touchpoint.messaging.domain.Sends;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * guide-service's GuideBound, once each through common's inbox: the GUIDE_BOUND preset introduces the member's new
 * exclusive guide, once per binding (a member bound again later is introduced again).
 */
@Component
class GuideEventsConsumer implements EventConsumer {

    static final String BOUND = "guide-service.GuideBound";

    private final Sends sends;
    private final GuideClient guides;

    GuideEventsConsumer(Sends sends, GuideClient guides) {
        this.sends = sends;
        this.guides = guides;
    }

    @Override
    public Set<String> routingKeys() {
        return Set.of(BOUND);
    }

    @Override
    public void consume(ReceivedEvent event) {
        JsonNode data = event.payload().path("data");
        if (!data.path("memberId").canConvertToLong() || !data.path("at").isTextual()) {
            throw new MalformedEvent("GuideBound " + event.messageId() + " has no memberId or at");
        }
        if (!data.path("guideId").canConvertToLong()) {
            // the member lost their guide: nobody to introduce
            return;
        }
        long memberId = data.path("memberId").asLong();
        long guideId = data.path("guideId").asLong();
        GuideClient.BoundGuide bound;
        try {
            bound = guides.guideOf(memberId);
        } catch (RuntimeException e) {
            if (RemoteRejection.in(e).isPresent()) {
                // no longer bound by the time this is read: nothing to say
                return;
            }
            throw e;
        }
        if (bound.guideId() != guideId) {
            // bound to someone else since: that binding's own event introduces them
            return;
        }
        sends.triggered(Preset.Kind.GUIDE_BOUND, memberId, "bound:" + memberId + ":" + guideId + ":" + data.path("at").asText(),
                Map.of("guide", bound.guideName() == null ? "" : bound.guideName()), Instant.EPOCH);
    }
}

package com.siyu.guide.tasks.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.siyu.common.inbox.EventConsumer;
import com.siyu.common.inbox.MalformedEvent;
import com.siyu.common.inbox.ReceivedEvent;
import com.siyu.guide.tasks.domain.Tasks;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.springframework.stereotype.Component;

/** touchpoint-service's MessageSent, once each through common's inbox: a WeCom message through a guide completes that guide's tasks about the member. */
@Component
class MessageEventsConsumer implements EventConsumer {

    static final String SENT = "touchpoint-service.MessageSent";

    private final Tasks tasks;

    MessageEventsConsumer(Tasks tasks) {
        this.tasks = tasks;
    }

    @Override
    public Set<String> routingKeys() {
        return Set.of(SENT);
    }

    @Override
    public void consume(ReceivedEvent event) {
        JsonNode data = event.payload().path("data");
        if (!"WECOM".equals(data.path("channel").asText()) || !data.path("guideId").canConvertToLong()) {
            // another channel, or no guide: nothing of a guide's
            return;
        }
        if (!data.path("memberId").canConvertToLong() || !data.path("at").isTextual()) {
            throw new MalformedEvent("MessageSent " + event.messageId() + " has no memberId or at");
        }
        Instant at;
        try {
            at = Instant.parse(data.path("at").asText());
        } catch (DateTimeParseException e) {
            throw new MalformedEvent("MessageSent " + event.messageId() + " has an at that is not an instant");
        }
        tasks.messaged(data.path("guideId").asLong(), data.path("memberId").asLong(), data.path("msgId").asText(""), at);
    }
}

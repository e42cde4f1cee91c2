package com.siyu.common.inbox;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One event as delivered: the message id (the publisher's event id, the dedupe key), the tenant from
 * the {@code tenantId} header, the event key ({@code <service>.<type>}) and the JSON body.
 *
 * @param attempt 1 on the first delivery, counting retries after failures
 */
public record ReceivedEvent(String messageId, long tenantId, String key, JsonNode payload, int attempt) {

    /** A required number in the payload; a missing one is a malformed event (dead-lettered, never retried). */
    public long requireLong(String field) {
        JsonNode value = payload.path(field);
        if (!value.canConvertToLong()) {
            throw new MalformedEvent("Event " + messageId + " (" + key + ") has no numeric '" + field + "'");
        }
        return value.asLong();
    }
}

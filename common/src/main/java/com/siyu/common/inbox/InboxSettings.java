package com.siyu.common.inbox;

import java.time.Duration;

/**
 * How the inbox consumes (bound from {@code siyu.inbox.*}).
 *
 * @param exchange     the topic exchange events come from ({@code siyu.events})
 * @param queue        the service's durable queue; {@code <queue>.retry} and {@code <queue>.dlq} go with it
 * @param maxAttempts  deliveries of one message (first + retries) before it goes to the dead-letter queue
 * @param retryDelay   how long a failed message waits in the retry queue before it is delivered again
 * @param concurrency  consumer threads
 * @param prefetch     unacknowledged messages per consumer thread
 */
public record InboxSettings(String exchange, String queue, int maxAttempts, Duration retryDelay, int concurrency,
        int prefetch) {

    public String retryQueue() {
        return queue + ".retry";
    }

    public String deadLetterQueue() {
        return queue + ".dlq";
    }
}

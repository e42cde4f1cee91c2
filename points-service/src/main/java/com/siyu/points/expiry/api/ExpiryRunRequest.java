package com.siyu.points.expiry.api;

import java.time.Instant;

/** Run the expiry job as of {@code asOf} (null = now). */
public record ExpiryRunRequest(Instant asOf) {
}

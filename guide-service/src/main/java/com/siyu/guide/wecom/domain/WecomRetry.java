package com.siyu.guide.wecom.domain;

import java.time.Duration;
import java.util.Set;

/**
 * What a failed WeCom task creation (a group message's add_msg_template, a moment's add_moment_task) leads to:
 * tried again later when WeCom did not make it for a passing reason — busy (-1), an access token expired or invalid
 * (42001, 40014: WxJava fetches a new one once, then it is our retry), the API's rate limit (45009), WeCom not
 * reached before the request was sent; recorded FAILED when WeCom refused it for good (any other errcode), or when
 * the retries are used up; UNKNOWN when the request may have reached WeCom (never repeated: it could be a second task).
 */
public final class WecomRetry {

    public enum Decision { RETRY, FAILED, UNKNOWN }

    public static final int MAX_ATTEMPTS = 6;
    static final Set<Integer> PASSING = Set.of(-1, 42001, 40014, 45009);

    private WecomRetry() {
    }

    /** {@code attempts}: how many times it has been tried, this one included. */
    public static Decision after(RuntimeException failure, int attempts) {
        if (failure instanceof WecomOutcomeUnknown) {
            return Decision.UNKNOWN;
        }
        boolean passing = failure instanceof WecomUnavailable
                || failure instanceof WecomRejected rejected && PASSING.contains(rejected.errcode());
        if (!passing) {
            return Decision.FAILED;
        }
        return attempts >= MAX_ATTEMPTS ? Decision.FAILED : Decision.RETRY;
    }

    /** The wait before try {@code attempts + 1}: base, then doubling, at most an hour. */
    public static Duration backoff(Duration base, int attempts) {
        Duration wait = base.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 16));
        return wait.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : wait;
    }

    /** WeCom's errcode when it gave one. */
    public static Integer errcode(RuntimeException failure) {
        return failure instanceof WecomRejected rejected ? rejected.errcode() : null;
    }
}

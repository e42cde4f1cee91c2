package com.siyu.guide.wecom.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Moment tasks and their per-guide lines (infra); the tenant is the one in context, except where a method says. */
public interface WecomMomentRepository {

    enum Status { PENDING, SUBMITTING, SUBMITTED, CREATED, FAILED, UNKNOWN }

    enum LineStatus { WAITING, PUBLISHED, INVALID, NO_WECOM_USER }

    record NewLine(long guideId, long storeId, String userId, LineStatus status) {
    }

    record Moment(long id, long createdBy, WecomContent content, List<Long> storeIds, Status status, int attempts, Integer errcode, String detail,
                  String jobId, String wecomMomentId, Instant nextAt, Instant readAt, Instant createdAt) {
    }

    record Line(long id, long momentId, long guideId, long storeId, String userId, LineStatus status, Instant readAt) {
    }

    /** The moment (PENDING, due now) and its lines in one transaction; DuplicateKeyException when this creator's key made one already. */
    long create(long createdBy, String key, WecomContent content, List<Long> storeIds, List<NewLine> lines, Instant now);

    Optional<Long> byKey(long createdBy, String key);

    Optional<Moment> find(long id);

    List<Moment> list(Long storeId, Long before, int limit);

    List<Line> lines(long momentId, Long storeId);

    /** Every tenant: SUBMITTING moments whose claim ran out become UNKNOWN. */
    int expireClaims(Instant now);

    /** Every tenant with moments to submit or poll (PENDING or SUBMITTED, due) or to read (CREATED, read due, since). */
    Set<Long> tenantsDue(Instant now, Instant since);

    /** PENDING or SUBMITTED and due, or CREATED with reading due (created since {@code since}). */
    List<Moment> due(Instant now, Instant since, int limit);

    /** PENDING and due → SUBMITTING until {@code until}, attempts + 1; false when another caller claimed it first. */
    boolean claim(long id, Instant now, Instant until);

    void submitted(long id, String jobId, Instant nextAt, Instant now);

    void retry(long id, Integer errcode, String detail, Instant nextAt, Instant now);

    void failed(long id, Integer errcode, String detail, Instant now);

    void unknown(long id, String detail, Instant now);

    /** The job is still running: poll again at {@code nextAt}. */
    void pollLater(long id, Instant nextAt, Instant now);

    /** WeCom's moment id; these corp members were not valid senders (their lines INVALID). */
    void created(long id, String wecomMomentId, List<String> invalidUserIds, Instant readAt, Instant now);

    /** Publish statuses read: PUBLISHED lines for 1, {@code next} the next read (null: no more by the job). */
    void read(long id, Map<String, Integer> publishStatus, Instant next, Instant now);

    void readLater(long id, Instant next);

    /** Moments visible to the guide that they have not published (newest first). */
    List<Moment> waitingFor(long guideId, int limit);
}

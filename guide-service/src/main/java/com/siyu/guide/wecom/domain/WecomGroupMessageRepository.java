package com.siyu.guide.wecom.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Group messages and their per-guide lines (infra); the tenant is the one in context, except where a method says. */
public interface WecomGroupMessageRepository {

    enum LineStatus { PENDING, SENDING, CREATED, FAILED, NO_WECOM_USER, UNKNOWN }

    record NewLine(long guideId, long storeId, String senderUserId, LineStatus status) {
    }

    record Message(long id, long createdBy, WecomContent content, List<Long> storeIds, Instant createdAt) {
    }

    /**
     * A guide's part. {@code wecomStatus}: UNSENT / SENT as WeCom's get_groupmsg_task last said (null before it was
     * read); the groups counts from get_groupmsg_send_result once the guide has sent it.
     */
    record Line(long id, long messageId, long guideId, long storeId, String senderUserId, LineStatus status, int attempts, Integer errcode,
                String detail, String msgId, List<String> failList, Instant nextAt, String wecomStatus, Instant sentAt, Integer groupsReached,
                Integer groupsUnsent, Integer groupsFailed, Instant readAt) {
    }

    /** The message and its lines in one transaction; DuplicateKeyException when this creator's key made one already. */
    long create(long createdBy, String key, WecomContent content, List<Long> storeIds, List<NewLine> lines, Instant now);

    Optional<Long> byKey(long createdBy, String key);

    Optional<Message> find(long id);

    /** Newest first, ids below {@code before} (null: from the newest); with {@code storeId}, those with a line of that store's guides. */
    List<Message> list(Long storeId, Long before, int limit);

    /** The message's lines, or those of one store's guides. */
    List<Line> lines(long messageId, Long storeId);

    /** Every tenant: SENDING lines whose claim ran out (the instance died mid-call) become UNKNOWN; how many. */
    int expireClaims(Instant now);

    /** Every tenant with PENDING lines due. */
    Set<Long> tenantsDue(Instant now);

    List<Line> due(Instant now, int limit);

    /** PENDING and due → SENDING until {@code until}, attempts + 1; false when another caller claimed it first. */
    boolean claim(long lineId, Instant now, Instant until);

    void created(long lineId, String msgId, List<String> failList, Instant readAt, Instant now);

    void retry(long lineId, Integer errcode, String detail, Instant nextAt, Instant now);

    void failed(long lineId, Integer errcode, String detail, Instant now);

    void unknown(long lineId, String detail, Instant now);

    /** Every tenant with CREATED lines whose results are due to be read, of messages created since {@code since}. */
    Set<Long> tenantsToRead(Instant now, Instant since);

    List<Line> toRead(Instant now, Instant since, int limit);

    /** What WeCom's results say; {@code next}: when to read again (null: no more by the job). */
    void read(long lineId, String wecomStatus, Instant sentAt, Integer groupsReached, Integer groupsUnsent, Integer groupsFailed, Instant next,
              Instant now);

    void readLater(long lineId, Instant next);

    /** The guide's CREATED lines WeCom has not seen them send (newest first): what waits in their WeCom client. */
    List<Line> waitingFor(long guideId, int limit);
}

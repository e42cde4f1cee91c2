package com.siyu.common.idempotency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The request-id table behind {@link IdempotencyFilter}: one row per (tenant, caller, key), claimed
 * by an insert (the unique key makes concurrent duplicates lose), completed with the response.
 */
public class IdempotencyStore {

    public enum State { PENDING, DONE }

    public record Stored(long id, String requestHash, State state, Instant updatedAt,
                         Integer status, String contentType, String location, byte[] body) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public IdempotencyStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Claims the key; empty when this call now owns it, otherwise what is stored under it. */
    public Optional<Stored> claim(long tenantId, String caller, String key, String requestHash) {
        Timestamp now = Timestamp.from(clock.instant());
        try {
            jdbc.update("insert into idempotency_record (tenant_id, caller, idem_key, request_hash, state, created_at, updated_at)"
                    + " values (?, ?, ?, ?, 'PENDING', ?, ?)", tenantId, caller, key, requestHash, now, now);
            return Optional.empty();
        } catch (DuplicateKeyException taken) {
            return find(tenantId, caller, key);
        }
    }

    /**
     * Takes over a claim whose owner has gone quiet for longer than {@code lease} (a crashed instance);
     * the conditional update makes sure only one waiting caller wins it.
     */
    public boolean takeOver(Stored stale, Duration lease) {
        Instant now = clock.instant();
        return jdbc.update("update idempotency_record set updated_at = ? where id = ? and state = 'PENDING' and updated_at = ? and updated_at < ?",
                Timestamp.from(now), stale.id(), Timestamp.from(stale.updatedAt()), Timestamp.from(now.minus(lease))) == 1;
    }

    public void complete(long tenantId, String caller, String key, int status, String contentType, String location, byte[] body) {
        jdbc.update("update idempotency_record set state = 'DONE', response_status = ?, response_type = ?, response_location = ?,"
                        + " response_body = ?, updated_at = ? where tenant_id = ? and caller = ? and idem_key = ?",
                status, contentType, location, body, Timestamp.from(clock.instant()), tenantId, caller, key);
    }

    /** Forgets a claim whose request failed on our side, so the client may retry with the same key. */
    public void release(long tenantId, String caller, String key) {
        jdbc.update("delete from idempotency_record where tenant_id = ? and caller = ? and idem_key = ? and state = 'PENDING'",
                tenantId, caller, key);
    }

    public int purgeOlderThan(Duration retention) {
        return jdbc.update("delete from idempotency_record where created_at < ? limit 10000",
                Timestamp.from(clock.instant().minus(retention)));
    }

    private Optional<Stored> find(long tenantId, String caller, String key) {
        List<Stored> rows = jdbc.query("select id, request_hash, state, updated_at, response_status, response_type, response_location, response_body"
                        + " from idempotency_record where tenant_id = ? and caller = ? and idem_key = ?",
                (rs, n) -> new Stored(rs.getLong(1), rs.getString(2), State.valueOf(rs.getString(3)),
                        rs.getTimestamp(4).toInstant(), (Integer) rs.getObject(5), rs.getString(6), rs.getString(7), rs.getBytes(8)),
                tenantId, caller, key);
        return rows.stream().findFirst();
    }
}

package com.siyu.common.idempotency;

import com.siyu.common.context.Caller;
import com.siyu.common.context.CallerContext;
import com.siyu.common.context.SiyuHeaders;
import com.siyu.common.problem.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Makes every client write idempotent. A write to {@code /api/**} or {@code /admin/**} must carry an
 * {@code Idempotency-Key}; the first response (2xx or 4xx) is stored and replayed for the same key;
 * the same key with a different request is refused (422); a duplicate arriving while the first is
 * still running is refused (409) instead of running twice. A 5xx frees the key for a retry.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:\\-]{8,128}");
    private static final int MAX_BODY = 1024 * 1024;

    private final IdempotencyStore store;
    private final ProblemWriter problems;
    private final List<String> exemptPaths;
    private final Duration lease;
    private final AntPathMatcher paths = new AntPathMatcher();

    public IdempotencyFilter(IdempotencyStore store, ProblemWriter problems, List<String> exemptPaths, Duration lease) {
        this.store = store;
        this.problems = problems;
        this.exemptPaths = List.copyOf(exemptPaths);
        this.lease = lease;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!WRITES.contains(request.getMethod())) {
            return true;
        }
        if (!path.startsWith("/api/") && !path.startsWith("/admin/")) {
            return true;
        }
        return exemptPaths.stream().anyMatch(pattern -> paths.match(pattern, path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(SiyuHeaders.IDEMPOTENCY_KEY);
        if (key == null || key.isBlank()) {
            problems.write(response, HttpStatus.BAD_REQUEST, "IDEMPOTENCY_KEY_REQUIRED",
                    "Writes need an Idempotency-Key header (8-128 characters: letters, digits, '.', '_', ':', '-'); reuse it when retrying");
            return;
        }
        if (!KEY.matcher(key).matches()) {
            problems.write(response, HttpStatus.BAD_REQUEST, "IDEMPOTENCY_KEY_INVALID",
                    "The Idempotency-Key must be 8-128 characters of letters, digits, '.', '_', ':' or '-'");
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            problems.write(response, HttpStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE", "The request body is larger than 1 MiB");
            return;
        }
        Caller caller = CallerContext.current();
        long tenantId = caller.tenantId() == null ? 0L : caller.tenantId();
        String who = caller.memberId() != null ? "m:" + caller.memberId()
                : caller.staffId() != null ? "s:" + caller.staffId() : "-";
        String hash = hash(request, body);

        Optional<IdempotencyStore.Stored> existing = store.claim(tenantId, who, key, hash);
        if (existing.isPresent()) {
            IdempotencyStore.Stored stored = existing.get();
            if (!stored.requestHash().equals(hash)) {
                problems.write(response, HttpStatus.UNPROCESSABLE_ENTITY, "IDEMPOTENCY_KEY_REUSED",
                        "This Idempotency-Key was already used for a different request; use a new key for a new request");
                return;
            }
            if (stored.state() == IdempotencyStore.State.DONE) {
                replay(stored, response);
                return;
            }
            if (!store.takeOver(stored, lease)) {
                response.setHeader(HttpHeaders.RETRY_AFTER, "1");
                problems.write(response, HttpStatus.CONFLICT, "IDEMPOTENCY_REQUEST_IN_PROGRESS",
                        "A request with this Idempotency-Key is still being processed; retry shortly to get its result");
                return;
            }
        }

        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        boolean completed = false;
        try {
            chain.doFilter(new CachedBodyRequest(request, body), captured);
            int status = captured.getStatus();
            if (status < 500) {
                store.complete(tenantId, who, key, status, captured.getContentType(),
                        captured.getHeader(HttpHeaders.LOCATION), captured.getContentAsByteArray());
                completed = true;
            }
        } finally {
            if (!completed) {
                store.release(tenantId, who, key);
            }
            captured.copyBodyToResponse();
        }
    }

    private static void replay(IdempotencyStore.Stored stored, HttpServletResponse response) throws IOException {
        response.setStatus(stored.status());
        response.setHeader(SiyuHeaders.IDEMPOTENCY_REPLAYED, "true");
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        if (stored.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, stored.location());
        }
        if (stored.body() != null) {
            response.getOutputStream().write(stored.body());
        }
    }

    private static String hash(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(request.getMethod().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) ' ');
            digest.update(request.getRequestURI().getBytes(StandardCharsets.UTF_8));
            if (request.getQueryString() != null) {
                digest.update(("?" + request.getQueryString()).getBytes(StandardCharsets.UTF_8));
            }
            digest.update((byte) '\n');
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lets the controller read the body the filter already consumed for hashing. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}

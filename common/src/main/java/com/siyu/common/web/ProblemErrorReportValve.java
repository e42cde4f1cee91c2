package com.siyu.common.web;

import com.siyu.common.problem.Problems;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatusCode;

/**
 * Tomcat's own error responses (a request refused before Spring sees it: a {@code %2F} or {@code %00}
 * in the path, a bad {@code %} escape, an unparseable request line) as problem+json instead of
 * Tomcat's HTML page. Installed as the host's error report valve by common's auto-configuration.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    public ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        // as Tomcat's own valve: only when I/O is still allowed, and only one writer of the error body
        java.util.concurrent.atomic.AtomicBoolean ioAllowed = new java.util.concurrent.atomic.AtomicBoolean();
        response.getCoyoteResponse().action(org.apache.coyote.ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get() || !response.setErrorReported()) {
            return;
        }
        HttpStatusCode code = HttpStatusCode.valueOf(status);
        String detail = status == 400 ? "The request line or its path cannot be read (bad encoding, %2F, %00 or a bad % escape)"
                : status == 414 ? "The request URI is too long"
                : status == 431 || status == 413 ? "The request headers are too large"
                : status == 404 ? "No such endpoint"
                : "The request was refused (" + status + ")";
        String body = "{\"type\":\"" + Problems.typeOf(Problems.codeFor(code)) + "\",\"title\":\"" + title(status)
                + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\",\"code\":\"" + Problems.codeFor(code) + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response was committed meanwhile: nothing more to say
        }
    }

    private static String title(int status) {
        org.springframework.http.HttpStatus known = org.springframework.http.HttpStatus.resolve(status);
        return known == null ? "Error" : known.getReasonPhrase();
    }
}

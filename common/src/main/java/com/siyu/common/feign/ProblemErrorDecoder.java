package com.siyu.common.feign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import feign.codec.ErrorDecoder;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpStatus;

/** Turns a problem-details answer from another service back into a typed exception. */
public class ProblemErrorDecoder implements ErrorDecoder {

    private static final int MAX_BODY = 64 * 1024;

    private final ObjectMapper json;

    public ProblemErrorDecoder(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public Exception decode(String methodKey, Response response) {
        int status = response.status();
        String code = defaultCode(status);
        String detail = HttpStatus.resolve(status) == null ? "HTTP " + status : HttpStatus.resolve(status).getReasonPhrase();
        if (response.body() != null) {
            try (InputStream body = response.body().asInputStream()) {
                byte[] bytes = body.readNBytes(MAX_BODY);
                JsonNode problem = json.readTree(bytes);
                if (problem != null && problem.isObject()) {
                    code = problem.path("code").asText(code);
                    detail = problem.path("detail").asText(detail);
                }
            } catch (IOException | RuntimeException unreadable) {
                detail = detail + " (body was not a problem document)";
            }
        }
        if (status >= 400 && status < 500) {
            return new RemoteRejection(status, code, detail, methodKey);
        }
        return new RemoteProblem(status, code, detail, methodKey);
    }

    private static String defaultCode(int status) {
        return status >= 500 ? "UPSTREAM_FAILED" : "HTTP_" + status;
    }
}

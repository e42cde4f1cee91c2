package com.siyu.common.problem;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.siyu.common.context.MissingTenant;
import com.siyu.common.feign.RemoteProblem;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.circuitbreaker.NoFallbackAvailableException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place exceptions become RFC 9457 problem details. Business rejections keep their status
 * and code; anything unexpected is logged with its stack and answered as a generic 500 that leaks
 * nothing.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(DomainException.class)
    ResponseEntity<Object> domain(DomainException e) {
        ProblemDetail problem = Problems.of(e.status(), e.code(), e.getMessage());
        e.properties().forEach(problem::setProperty);
        return respond(problem);
    }

    @ExceptionHandler(RemoteProblem.class)
    ResponseEntity<Object> remote(RemoteProblem e) {
        if (e.status() >= 400 && e.status() < 500) {
            // A business rejection from the service we called: pass it on as it was stated.
            ProblemDetail problem = Problems.of(HttpStatusCode.valueOf(e.status()), e.code(), e.detail());
            return respond(problem);
        }
        log.warn("Upstream {} failed with {}: {}", e.methodKey(), e.status(), e.detail());
        return respond(Problems.of(HttpStatus.BAD_GATEWAY, "UPSTREAM_FAILED",
                "A service this request depends on failed; nothing was changed, try again later"));
    }

    @ExceptionHandler(NoFallbackAvailableException.class)
    ResponseEntity<Object> noFallback(NoFallbackAvailableException e, WebRequest request) throws Exception {
        Throwable cause = e.getCause();
        if (cause instanceof RemoteProblem remote) {
            return remote(remote);
        }
        if (cause instanceof CallNotPermittedException open) {
            return circuitOpen(open);
        }
        if (cause instanceof DomainException domain) {
            return domain(domain);
        }
        return unexpected(cause instanceof Exception ex ? ex : e);
    }

    @ExceptionHandler(CallNotPermittedException.class)
    ResponseEntity<Object> circuitOpen(CallNotPermittedException e) {
        return respond(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "UPSTREAM_UNAVAILABLE",
                "A service this request depends on is unavailable (circuit open); try again shortly"));
    }

    @ExceptionHandler(feign.RetryableException.class)
    ResponseEntity<Object> unreachable(feign.RetryableException e) {
        log.warn("Upstream unreachable: {}", e.getMessage());
        return respond(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "UPSTREAM_UNAVAILABLE",
                "A service this request depends on did not answer; try again shortly"));
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<Object> duplicate(DuplicateKeyException e) {
        log.info("Duplicate key: {}", e.getMostSpecificCause().getMessage());
        return respond(Problems.of(HttpStatus.CONFLICT, "DUPLICATE",
                "A record with the same identifying values already exists"));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraint(ConstraintViolationException e) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "The request has invalid values");
        problem.setProperty(Problems.ERRORS, e.getConstraintViolations().stream()
                .map(v -> Map.of("field", String.valueOf(v.getPropertyPath()), "message", v.getMessage()))
                .toList());
        return respond(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        return respond(Problems.of(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST",
                "Parameter '" + e.getName() + "' has an invalid value"));
    }

    @ExceptionHandler(MissingTenant.class)
    ResponseEntity<Object> missingTenant(MissingTenant e) {
        // Reached only through a route that should have carried a tenant: a client problem at the edge,
        // but loud in the log because it may also mean a bug.
        log.warn("Request without tenant reached tenant-scoped data", e);
        return respond(Problems.of(HttpStatus.UNAUTHORIZED, "TENANT_REQUIRED",
                "This request must be made on behalf of a tenant; sign in first"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        // Frameworks (MyBatis, Spring's transaction templates) wrap what our code threw: answer for the cause.
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof DomainException domain) {
                return domain(domain);
            }
            if (cause instanceof MissingTenant missing) {
                return missingTenant(missing);
            }
        }
        log.error("Unexpected error", e);
        return respond(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                "Something went wrong on our side; nothing was changed. Quote the traceId when reporting this"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
                "The request has invalid values: " + e.getBindingResult().getFieldErrors().stream()
                        .map(FieldError::getField).distinct().collect(Collectors.joining(", ")));
        List<Map<String, Object>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.<String, Object>of("field", f.getField(),
                        "message", f.getDefaultMessage() == null ? "is invalid" : f.getDefaultMessage()))
                .toList();
        problem.setProperty(Problems.ERRORS, errors);
        return respond(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "The request has invalid values");
        problem.setProperty(Problems.ERRORS, e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> Map.<String, Object>of(
                        "field", r.getMethodParameter().getParameterName() == null ? "?" : r.getMethodParameter().getParameterName(),
                        "message", err.getDefaultMessage() == null ? "is invalid" : err.getDefaultMessage())))
                .toList());
        return respond(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // a value object refusing itself while the body is read (house style: they validate on construction)
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof DomainException domain) {
                return domain(domain);
            }
        }
        Unreadable why = unreadable(e);
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", why.detail());
        if (why.field() != null) {
            problem.setProperty(Problems.ERRORS, List.of(Map.of("field", why.field(), "message", why.message())));
        }
        return respond(problem);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail p ? p : ProblemDetail.forStatus(status);
        Problems.enrich(problem, Problems.codeFor(status));
        return ResponseEntity.status(status).headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** Why a body could not be read, naming the field where there is one. */
    private record Unreadable(String field, String message, String detail) {
        static Unreadable at(String field, String message) {
            return new Unreadable(field, message, "Field '" + field + "' " + message);
        }

        static Unreadable body(String detail) {
            return new Unreadable(null, null, detail);
        }
    }

    private static Unreadable unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return new Unreadable(path(unknown), "is not a field of this request", "Unknown field '" + unknown.getPropertyName() + "'");
        }
        if (cause instanceof com.fasterxml.jackson.core.JsonParseException parse) {
            String message = parse.getOriginalMessage();
            if (message != null && message.startsWith("Duplicate field '")) {
                String field = message.substring("Duplicate field '".length(), message.indexOf('\'', "Duplicate field '".length()));
                return Unreadable.at(field, "appears more than once");
            }
            return Unreadable.body("The request body is not valid JSON");
        }
        if (cause instanceof InvalidFormatException format) {
            String field = path(format);
            if (format.getOriginalMessage() != null && format.getOriginalMessage().contains("surrogate")) {
                return Unreadable.at(field, "holds an unpaired UTF-16 surrogate (malformed text)");
            }
            String expected = format.getTargetType() == null ? null : expectedType(format.getTargetType());
            return Unreadable.at(field, expected == null ? "has an invalid value" : "must be " + expected);
        }
        if (cause instanceof MismatchedInputException mismatched) {
            if (mismatched.getPath().isEmpty()) {
                String message = mismatched.getOriginalMessage();
                if (message != null && message.startsWith("Trailing token")) {
                    return Unreadable.body("The request body has content after its JSON value");
                }
                return Unreadable.body("The request body is missing or is not valid JSON");
            }
            String expected = mismatched.getTargetType() == null ? null : expectedType(mismatched.getTargetType());
            return Unreadable.at(path(mismatched), expected == null ? "has the wrong type or is missing" : "must be " + expected);
        }
        if (cause instanceof JsonMappingException mapping && mapping.getCause() instanceof IllegalArgumentException arg) {
            return mapping.getPath().isEmpty() ? Unreadable.body(arg.getMessage()) : new Unreadable(path(mapping), arg.getMessage(), arg.getMessage());
        }
        return Unreadable.body("The request body is missing or is not valid JSON");
    }

    private static String expectedType(Class<?> type) {
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class || type == Short.class
                || type == short.class || type == java.math.BigInteger.class) {
            return "a whole number (not text, not a fraction)";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        return null;
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static ResponseEntity<Object> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}

package com.siyu.member.token.api;

import com.siyu.common.problem.DomainException;
import com.siyu.member.token.domain.ClientCredentials;
import com.siyu.member.token.domain.IssuedToken;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The token endpoint (OAuth2 client credentials, RFC 6749 §4.4, client authenticated with HTTP Basic):
 * services get their {@code internal} tokens here, the platform operator its {@code platform} token.
 * Inside the cluster only; the gateway never routes {@code /internal}.
 */
@RestController
class TokenEndpointController {

    private final ClientCredentials credentials;

    TokenEndpointController(ClientCredentials credentials) {
        this.credentials = credentials;
    }

    @PostMapping(path = "/internal/tokens", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Map<String, Object>> token(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                              @RequestParam("grant_type") String grantType,
                                              @RequestParam("scope") String scope,
                                              @RequestParam(name = "tenant_id", required = false) Long tenantId) {
        if (!"client_credentials".equals(grantType)) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "UNSUPPORTED_GRANT_TYPE", "Only grant_type=client_credentials is supported");
        }
        if (tenantId != null && tenantId <= 0) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", "tenant_id must be a positive id");
        }
        String[] client = basic(authorization);
        IssuedToken token = credentials.grant(client[0], client[1], scope, tenantId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", token.accessToken());
        body.put("token_type", "Bearer");
        body.put("expires_in", Math.max(0, Duration.between(Instant.now(), token.expiresAt()).toSeconds()));
        body.put("scope", scope);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("Pragma", "no-cache").body(body);
    }

    private static String[] basic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw new DomainException(HttpStatus.UNAUTHORIZED, "INVALID_CLIENT", "The client authenticates with HTTP Basic (client id and secret)");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new DomainException(HttpStatus.UNAUTHORIZED, "INVALID_CLIENT", "The Basic credentials are not valid Base64");
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            throw new DomainException(HttpStatus.UNAUTHORIZED, "INVALID_CLIENT", "The Basic credentials need a client id and a secret");
        }
        return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    }
}

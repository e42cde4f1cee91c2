package com.siyu.common.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a service verifies who calls it ({@code siyu.security.*}). Every service is an OAuth2 resource
 * server: a request's caller comes from an RS256 token signed by member-service, checked against keys
 * from a pinned location (never from whatever registers under a name in Nacos).
 */
@ConfigurationProperties("siyu.security")
public class SecuritySettings {

    /**
     * Where the signing keys are: an {@code http(s)://} JWK Set URL (member-service's
     * {@code /internal/jwks}, refetched on an unknown key id) or a {@code file:}/{@code classpath:}
     * JWK Set document pinned by the operator.
     */
    private String jwksUri;
    /** The {@code iss} every token must carry. */
    private String issuer = "siyu";
    /** The {@code aud} every token must name. */
    private String audience = "siyu";
    /** Tolerance for {@code exp} and {@code nbf}. */
    private Duration clockSkew = Duration.ofSeconds(30);
    /** Paths this service serves without a token (sign-in, signed WeChat callbacks). Ant patterns. */
    private List<String> publicPaths = new ArrayList<>();
    /** member-service's token endpoint, where this service obtains its short-lived service tokens. */
    private String tokenUri;
    /** This service's client id at the token endpoint (default: spring.application.name). */
    private String clientId;
    /** This service's client secret at the token endpoint (from the environment, never in git). */
    private String clientSecret;
    /** A service token is refetched this long before it expires. */
    private Duration tokenRefreshMargin = Duration.ofSeconds(60);

    public String getJwksUri() {
        return jwksUri;
    }

    public void setJwksUri(String jwksUri) {
        this.jwksUri = jwksUri;
    }

    public String getIssuer() {
        return issuer;
    }

    public void setIssuer(String issuer) {
        this.issuer = issuer;
    }

    public String getAudience() {
        return audience;
    }

    public void setAudience(String audience) {
        this.audience = audience;
    }

    public Duration getClockSkew() {
        return clockSkew;
    }

    public void setClockSkew(Duration clockSkew) {
        this.clockSkew = clockSkew;
    }

    public List<String> getPublicPaths() {
        return publicPaths;
    }

    public void setPublicPaths(List<String> publicPaths) {
        this.publicPaths = publicPaths;
    }

    public String getTokenUri() {
        return tokenUri;
    }

    public void setTokenUri(String tokenUri) {
        this.tokenUri = tokenUri;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public Duration getTokenRefreshMargin() {
        return tokenRefreshMargin;
    }

    public void setTokenRefreshMargin(Duration tokenRefreshMargin) {
        this.tokenRefreshMargin = tokenRefreshMargin;
    }
}

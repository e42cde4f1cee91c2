package com.siyu.common.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.siyu.common.problem.ProblemWriter;
import com.siyu.common.web.CallerFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * Every Siyu service is an OAuth2 resource server. Identity comes only from a verified RS256 token
 * ({@code iss}, {@code aud}, {@code exp} and {@code nbf} checked; keys from the pinned JWK Set):
 * <ul>
 *   <li>{@code /api/**}: a member token; {@code /admin/**}: a staff token;</li>
 *   <li>{@code /internal/platform/**}: the platform operator ({@code scope=platform});</li>
 *   <li>{@code /internal/**}: a service token ({@code scope=internal}) from the token service;</li>
 *   <li>the service's configured public paths (sign-in, signed WeChat callbacks), actuator (on the
 *       management port) and the OpenAPI document need none.</li>
 * </ul>
 * Identity headers a client sends are ignored everywhere. Refusals are problem+json (401/403).
 */
@AutoConfiguration(before = {SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class,
        OAuth2ResourceServerAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SecuritySettings.class)
public class ServiceSecurityConfiguration {

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder siyuJwtDecoder(SecuritySettings settings, ObjectProvider<LocalSigningKeys> local, Clock clock) {
        if (settings.getIssuer() == null || settings.getIssuer().isBlank()) {
            throw new IllegalStateException("siyu.security.issuer must be set: tokens of any issuer would be accepted");
        }
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                TrustedKeys.of(settings.getJwksUri(), local.getIfAvailable())));
        // claims are checked by the validators below (Spring's), not by Nimbus
        processor.setJWTClaimsSetVerifier((claims, context) -> {
        });
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        OAuth2TokenValidator<Jwt> validator = validator(settings, clock);
        decoder.setJwtValidator(validator);
        return new RememberingJwtDecoder(decoder, validator, clock);
    }

    static OAuth2TokenValidator<Jwt> validator(SecuritySettings settings, Clock clock) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(settings.getClockSkew());
        timestamps.setClock(clock);
        String audience = settings.getAudience();
        return new DelegatingOAuth2TokenValidator<>(List.of(
                new JwtClaimValidator<>(JwtClaimNames.EXP, Objects::nonNull),
                timestamps,
                new JwtIssuerValidator(settings.getIssuer()),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience)),
                new JwtClaimValidator<String>(TokenClaims.TYPE, Objects::nonNull)));
    }

    @Bean
    @ConditionalOnMissingBean(ServiceTokens.class)
    ServiceTokens serviceTokens(SecuritySettings settings, Clock clock, @Value("${spring.application.name}") String application) {
        String clientId = settings.getClientId() == null || settings.getClientId().isBlank() ? application : settings.getClientId();
        return new ClientCredentialsServiceTokens(settings.getTokenUri(), clientId, settings.getClientSecret(),
                settings.getTokenRefreshMargin(), clock);
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain siyuSecurityFilterChain(HttpSecurity http, JwtDecoder decoder, SecuritySettings settings,
                                                ProblemWriter problems) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> unauthenticated(problems, request, response, e);
        AccessDeniedHandler denied = (request, response, e) -> denied(problems, request, response);
        String[] publicPaths = settings.getPublicPaths().toArray(String[]::new);
        http.csrf(AbstractHttpConfigurer::disable)
                .cors(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/actuator/**", "/v3/api-docs", "/v3/api-docs/**", "/error").permitAll();
                    if (publicPaths.length > 0) {
                        requests.requestMatchers(publicPaths).permitAll();
                    }
                    requests.requestMatchers("/internal/platform/**").hasAuthority(TokenClaims.AUTHORITY_SCOPE + TokenClaims.SCOPE_PLATFORM)
                            .requestMatchers("/internal/**").hasAuthority(TokenClaims.AUTHORITY_SCOPE + TokenClaims.SCOPE_INTERNAL)
                            .requestMatchers("/admin/**").hasAuthority(TokenClaims.AUTHORITY_TYPE + TokenClaims.TYPE_STAFF)
                            .requestMatchers("/api/**").hasAuthority(TokenClaims.AUTHORITY_TYPE + TokenClaims.TYPE_MEMBER)
                            .anyRequest().denyAll();
                })
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(new CallerTokens()))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
                .addFilterAfter(new CallerFilter(), AuthorizationFilter.class);
        return http.build();
    }

    private static void unauthenticated(ProblemWriter problems, HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException e) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        if (e instanceof OAuth2AuthenticationException oauth) {
            String description = oauth.getError().getDescription();
            problems.write(response, HttpStatus.UNAUTHORIZED, "TOKEN_INVALID",
                    "The bearer token cannot be trusted" + (description == null ? "" : ": " + description));
            return;
        }
        problems.write(response, HttpStatus.UNAUTHORIZED, "TOKEN_REQUIRED", needed(request.getRequestURI()));
    }

    private static void denied(ProblemWriter problems, HttpServletRequest request, HttpServletResponse response) throws IOException {
        problems.write(response, HttpStatus.FORBIDDEN, "CALLER_NOT_ALLOWED", needed(request.getRequestURI()));
    }

    private static String needed(String path) {
        if (path.startsWith("/internal/platform/")) {
            return "Platform operations need a platform-operator token";
        }
        if (path.startsWith("/internal/")) {
            return "Internal endpoints need a service token (scope internal) from the token service";
        }
        if (path.startsWith("/admin/")) {
            return "Staff endpoints need a staff access token (Authorization: Bearer ...)";
        }
        if (path.startsWith("/api/")) {
            return "Shopper endpoints need a member access token (Authorization: Bearer ...)";
        }
        return "No such endpoint for this caller";
    }
}

package com.siyu.member.token.domain;

import com.siyu.common.problem.DomainException;
import com.siyu.common.security.TokenClaims;
import com.siyu.member.tenant.domain.TenantRepository;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The token service's client-credentials grant: a service gets a short-lived {@code internal} token
 * for a tenant (or none), the platform operator a {@code platform} token. Tokens for a tenant that
 * does not exist are refused.
 */
@Service
public class ClientCredentials {

    private final TokenClients clients;
    private final TokenIssuer issuer;
    private final TenantRepository tenants;

    public ClientCredentials(TokenClients clients, TokenIssuer issuer, TenantRepository tenants) {
        this.clients = clients;
        this.issuer = issuer;
        this.tenants = tenants;
    }

    public IssuedToken grant(String clientId, String secret, String scope, Long tenantId) {
        TokenClients.Client client = clients.authenticate(clientId, secret)
                .orElseThrow(() -> new DomainException(HttpStatus.UNAUTHORIZED, "INVALID_CLIENT", "Unknown client or wrong secret"));
        if (scope == null || !client.getScopes().contains(scope)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "INVALID_SCOPE", "This client may not ask for the scope " + scope);
        }
        if (TokenClaims.SCOPE_PLATFORM.equals(scope)) {
            if (tenantId != null) {
                throw new DomainException(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", "A platform token names no tenant");
            }
            return issuer.issueClient(clientId, TokenClaims.TYPE_PLATFORM, scope, null);
        }
        if (tenantId != null && tenants.findById(tenantId).isEmpty()) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "UNKNOWN_TENANT", "No tenant " + tenantId);
        }
        return issuer.issueClient(clientId, TokenClaims.TYPE_SERVICE, scope, tenantId);
    }

    /** member-service's own service tokens, issued without a round trip to itself. */
    public IssuedToken own(Long tenantId) {
        return issuer.issueClient("member-service", TokenClaims.TYPE_SERVICE, TokenClaims.SCOPE_INTERNAL, tenantId);
    }
}

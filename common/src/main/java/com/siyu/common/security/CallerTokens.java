package com.siyu.common.security;

import com.siyu.common.context.Caller;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Reads the caller out of a verified token: Spring Security authorities and the {@link Caller}. */
public final class CallerTokens implements Converter<Jwt, AbstractAuthenticationToken> {

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        return new JwtAuthenticationToken(jwt, authorities(jwt), jwt.getSubject());
    }

    static Collection<GrantedAuthority> authorities(Jwt jwt) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        String type = jwt.getClaimAsString(TokenClaims.TYPE);
        if (type != null) {
            authorities.add(new SimpleGrantedAuthority(TokenClaims.AUTHORITY_TYPE + type));
        }
        String scope = jwt.getClaimAsString(TokenClaims.SCOPE);
        if (scope != null) {
            for (String s : scope.split(" ")) {
                if (!s.isBlank()) {
                    authorities.add(new SimpleGrantedAuthority(TokenClaims.AUTHORITY_SCOPE + s));
                }
            }
        }
        return authorities;
    }

    /** The caller a verified token names. Member and staff tokens must carry a tenant. */
    public static Caller caller(Jwt jwt) {
        String type = jwt.getClaimAsString(TokenClaims.TYPE);
        Long tenantId = longClaim(jwt, TokenClaims.TENANT);
        if (TokenClaims.TYPE_MEMBER.equals(type)) {
            return new Caller(tenantId, longClaim(jwt, TokenClaims.MEMBER), null, null, Set.of());
        }
        if (TokenClaims.TYPE_STAFF.equals(type)) {
            List<String> roles = jwt.getClaimAsStringList(TokenClaims.ROLES);
            return new Caller(tenantId, null, longClaim(jwt, TokenClaims.STAFF), longClaim(jwt, TokenClaims.STORE),
                    roles == null ? Set.of() : Set.copyOf(roles));
        }
        // service and platform tokens act for the tenant they name, or for none
        return new Caller(tenantId, null, null, null, Set.of());
    }

    private static Long longClaim(Jwt jwt, String name) {
        Object value = jwt.getClaims().get(name);
        if (value instanceof Number number) {
            return number.longValue();
        }
        return null;
    }
}

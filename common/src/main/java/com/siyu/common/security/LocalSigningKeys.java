package com.siyu.common.security;

import com.nimbusds.jose.jwk.JWK;
import java.util.List;

/**
 * The public keys of a service that signs tokens itself (member-service): trusted next to the
 * configured JWK Set without a network round trip to itself.
 */
public interface LocalSigningKeys {

    /** The keys as last loaded (implementations may cache them briefly). */
    List<JWK> publicKeys();

    /** The keys reloaded now, asked when a token names a key id the cached ones do not have. */
    default List<JWK> reloadedPublicKeys() {
        return publicKeys();
    }
}

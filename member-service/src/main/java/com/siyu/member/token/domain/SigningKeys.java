package com.siyu.member.token.domain;

import java.util.List;

/** Where the RS256 keys live (implemented in infra). */
public interface SigningKeys {

    /** The key new tokens are signed with; created on first use. */
    SigningKey current();

    /** Every key whose tokens are still accepted, newest first (published as the JWKS). */
    List<SigningKey> published();

    /**
     * The published keys as this instance last loaded them (at most a minute old, and always including a key
     * this instance just rotated to): what token verification reads on every request, without a query.
     */
    default List<SigningKey> known() {
        return published();
    }

    /** Creates a new key that signs from now on; older keys stay published until retired. Returns its kid. */
    String rotate();

    /** Stops publishing a key (its tokens stop verifying); the newest key cannot be retired. */
    void retire(String kid);
}

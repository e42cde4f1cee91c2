package com.siyu.member.token.domain;

import java.util.List;

/** Where the RS256 keys live (implemented in infra). */
public interface SigningKeys {

    /** The key new tokens are signed with; created on first use. */
    SigningKey current();

    /** Every key whose tokens are still accepted, newest first (published as the JWKS). */
    List<SigningKey> published();
}

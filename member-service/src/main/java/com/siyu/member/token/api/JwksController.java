package com.siyu.member.token.api;

import com.siyu.member.token.domain.TokenIssuer;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public keys the gateway verifies tokens with (fetched through service discovery). */
@RestController
class JwksController {

    private final TokenIssuer tokens;

    JwksController(TokenIssuer tokens) {
        this.tokens = tokens;
    }

    @GetMapping("/internal/jwks")
    Map<String, Object> jwks() {
        return tokens.jwks();
    }

    /** Key rotation for the platform operators: a new key signs at once, the old one keeps verifying. */
    @org.springframework.web.bind.annotation.PostMapping("/internal/platform/signing-keys")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    Map<String, Object> rotate() {
        return Map.of("kid", tokens.rotateKeys());
    }

    /** Retire a key once every token it signed has expired (access tokens live 15 minutes). */
    @org.springframework.web.bind.annotation.DeleteMapping("/internal/platform/signing-keys/{kid}")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NO_CONTENT)
    void retire(@org.springframework.web.bind.annotation.PathVariable String kid) {
        tokens.retireKey(kid);
    }
}

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
}

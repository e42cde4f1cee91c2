package com.siyu.member.token.domain;

import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;

public record SigningKey(String kid, RSAPrivateKey privateKey, RSAPublicKey publicKey) {
}

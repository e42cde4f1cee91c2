package com.siyu.gateway.auth;

/** The bearer token could not be trusted; the message says why (shown to the client). */
class InvalidToken extends RuntimeException {

    InvalidToken(String message) {
        super(message);
    }
}

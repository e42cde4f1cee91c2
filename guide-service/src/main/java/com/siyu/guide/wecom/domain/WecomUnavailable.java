package com.siyu.guide.wecom.domain;

/** WeCom could not be reached or answered nonsense; never carries the request URL (it holds the access token). */
public class WecomUnavailable extends RuntimeException {

    public WecomUnavailable(String message) {
        super(message);
    }
}

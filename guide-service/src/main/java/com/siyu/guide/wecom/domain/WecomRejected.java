package com.siyu.guide.wecom.domain;

/** WeCom answered with an errcode. */
public class WecomRejected extends RuntimeException {

    private final int errcode;

    public WecomRejected(int errcode, String message) {
        super("WeCom refused (" + errcode + "): " + message);
        this.errcode = errcode;
    }

    public int errcode() {
        return errcode;
    }
}

package com.siyu.member.member.domain;

import java.util.regex.Pattern;

/** A mainland China mobile number, the identity shoppers sign up with. */
public record Phone(String value) {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    public Phone {
        if (value == null || !MOBILE.matcher(value).matches()) {
            throw new InvalidPhone(value);
        }
    }

    /** 138****5678: what staff screens and logs show. */
    public String masked() {
        return value.substring(0, 3) + "****" + value.substring(7);
    }
}

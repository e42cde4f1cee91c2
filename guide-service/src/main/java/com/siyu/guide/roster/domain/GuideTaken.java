package com.siyu.guide.roster.domain;

import com.siyu.common.problem.DomainException;
import org.springframework.http.HttpStatus;

/** The roster holds each phone number, staff account and WeCom user once per tenant. */
public class GuideTaken extends DomainException {

    public enum What { PHONE, STAFF, WECOM_USER }

    public GuideTaken(What what) {
        super(HttpStatus.CONFLICT, switch (what) {
            case PHONE -> "GUIDE_PHONE_TAKEN";
            case STAFF -> "GUIDE_ALREADY_ENROLLED";
            case WECOM_USER -> "WECOM_USER_TAKEN";
        }, switch (what) {
            case PHONE -> "A guide with this phone number is already on the roster";
            case STAFF -> "This staff account is already enrolled as a guide";
            case WECOM_USER -> "Another guide already has this WeCom user id";
        });
    }
}

package com.siyu.coupon.template.domain;

/** draft → active ⇄ paused → ended; a draft may also be ended without ever being active. */
public enum TemplateStatus {
    DRAFT, ACTIVE, PAUSED, ENDED;

    public boolean canMoveTo(TemplateStatus to) {
        return switch (this) {
            case DRAFT -> to == ACTIVE || to == ENDED;
            case ACTIVE -> to == PAUSED || to == ENDED;
            case PAUSED -> to == ACTIVE || to == ENDED;
            case ENDED -> false;
        };
    }
}

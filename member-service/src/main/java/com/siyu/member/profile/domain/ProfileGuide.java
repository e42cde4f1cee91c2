package com.siyu.member.profile.domain;

/**
 * The member's exclusive guide as guide-service knows it: BOUND (with the guide), NONE (no guide), or
 * UNAVAILABLE when guide-service could not be asked right now (the profile still shows).
 */
public record ProfileGuide(State state, Long guideId, String name, Long storeId) {

    public enum State { BOUND, NONE, UNAVAILABLE }

    public static final ProfileGuide NONE = new ProfileGuide(State.NONE, null, null, null);
    public static final ProfileGuide UNAVAILABLE = new ProfileGuide(State.UNAVAILABLE, null, null, null);
}

package com.siyu.touchpoint.messaging.domain;

import java.time.Instant;

/** One device of a member's: the app's registration id at the push provider, its platform, when it was last registered. */
public record PushDevice(String registrationId, Platform platform, Instant registeredAt) {

    public enum Platform { ANDROID, IOS }
}

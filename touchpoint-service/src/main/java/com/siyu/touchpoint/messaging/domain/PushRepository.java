package com.siyu.touchpoint.messaging.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The push account and the members' devices of the tenant in context (infra). */
public interface PushRepository {

    /** The tenant's push account, its secret opened. */
    Optional<PushAccount> account();

    /** Sets the account; the secret is sealed at rest. */
    void saveAccount(PushAccount account, Instant now);

    /** The device is the member's from now (a registration id another member had moves); again for the same member changes only the time. */
    void register(long memberId, String registrationId, PushDevice.Platform platform, Instant now);

    /** The member's devices, newest first. */
    List<PushDevice> devices(long memberId);

    /** Removes the member's devices past the newest {@code keep}. */
    void keepNewest(long memberId, int keep);

    /** Removes the device if it is the member's; false when it is not (anyone else's is left alone). */
    boolean unregister(long memberId, String registrationId);

    /** The members' registration ids, newest first, for those that have any. */
    Map<Long, List<String>> registrationIds(Collection<Long> memberIds);
}

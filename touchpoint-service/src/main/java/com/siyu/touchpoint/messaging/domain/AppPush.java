package com.siyu.touchpoint.messaging.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tenant's push account and the shoppers' devices. The app registers its registration id when the shopper signs
 * in (again on every start: the same device stays one); a registration id registered by another member moves to them;
 * a member keeps their {@value #MAX_DEVICES} newest devices; signing out unregisters it.
 */
@Service
public class AppPush {

    public static final int MAX_DEVICES = 10;

    private final PushRepository repository;
    private final Clock clock;

    public AppPush(PushRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** The tenant's push account as shown back: the secret never is. */
    public record AccountView(boolean configured, String appKey, Boolean apnsProduction) {
    }

    public AccountView account() {
        return repository.account().map(a -> new AccountView(true, a.appKey(), a.apnsProduction())).orElse(new AccountView(false, null, null));
    }

    public AccountView setAccount(PushAccount account) {
        repository.saveAccount(account, now());
        return account();
    }

    @Transactional
    public List<PushDevice> register(long memberId, String registrationId, PushDevice.Platform platform) {
        repository.register(memberId, registrationId, platform, now());
        repository.keepNewest(memberId, MAX_DEVICES);
        return repository.devices(memberId);
    }

    /** Idempotent: a device that is not (or no longer) the member's changes nothing. */
    public List<PushDevice> unregister(long memberId, String registrationId) {
        repository.unregister(memberId, registrationId);
        return repository.devices(memberId);
    }

    public List<PushDevice> devices(long memberId) {
        return repository.devices(memberId);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}

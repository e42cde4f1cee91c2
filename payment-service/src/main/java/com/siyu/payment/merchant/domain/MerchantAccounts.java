package com.siyu.payment.merchant.domain;

import com.siyu.common.context.CallerContext;
import com.siyu.common.problem.DomainException;
import com.siyu.payment.client.TenantMiniApps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The tenants' WeChat Pay merchant accounts, chosen by the platform operator at onboarding and changeable
 * later (a payment keeps the merchant that took it: refunds and queries go there). Read per payment, so
 * cached a minute per tenant; a change on this instance takes effect at once, on others within the minute.
 */
@Service
public class MerchantAccounts {

    private static final Duration TTL = Duration.ofMinutes(1);

    private final MerchantAccountRepository accounts;
    private final TenantMiniApps miniApps;
    private final Clock clock;
    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

    public MerchantAccounts(MerchantAccountRepository accounts, TenantMiniApps miniApps, Clock clock) {
        this.accounts = accounts;
        this.miniApps = miniApps;
        this.clock = clock;
    }

    /** The account of the tenant in context; empty = the deployment's own merchant. */
    public Optional<MerchantAccount> current() {
        long tenant = CallerContext.requireTenant();
        Instant now = clock.instant();
        Cached cached = cache.get(tenant);
        if (cached != null && cached.until().isAfter(now)) {
            return cached.account();
        }
        Optional<MerchantAccount> account = accounts.current();
        cache.put(tenant, new Cached(account, now.plus(TTL)));
        return account;
    }

    public Optional<MerchantAccount> byDirectMchId(String mchId) {
        return accounts.byDirectMchId(mchId);
    }

    /**
     * Sets the tenant's account (in the tenant's context). The tenant must have a mini-program: it is the
     * app the shopper pays in (DIRECT: the merchant's appid; PARTNER: the sub_appid).
     */
    public MerchantAccount configure(MerchantAccount.Mode mode, String merchantId, MerchantAccount.DirectCredentials credentials) {
        long tenant = CallerContext.requireTenant();
        if (miniApps.current().isEmpty()) {
            throw new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, "MINIPROGRAM_REQUIRED",
                    "Configure the tenant's mini-program first: shoppers pay in it");
        }
        MerchantAccount account;
        try {
            account = mode == MerchantAccount.Mode.PARTNER
                    ? new MerchantAccount(tenant, mode, null, merchantId, null, clock.instant())
                    : new MerchantAccount(tenant, mode, merchantId, null, credentials, clock.instant());
        } catch (IllegalArgumentException e) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", e.getMessage());
        }
        accounts.save(account);
        cache.remove(tenant);
        return account;
    }

    private record Cached(Optional<MerchantAccount> account, Instant until) {
    }
}

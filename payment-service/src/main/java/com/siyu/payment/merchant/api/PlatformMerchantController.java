package com.siyu.payment.merchant.api;

import com.siyu.common.context.Caller;
import com.siyu.common.context.CallerContext;
import com.siyu.common.feign.RemoteRejection;
import com.siyu.common.problem.DomainException;
import com.siyu.payment.merchant.domain.MerchantAccount;
import com.siyu.payment.merchant.domain.MerchantAccounts;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The platform operator chooses each tenant's WeChat Pay merchant (at onboarding, and later): PARTNER
 * (a sub-merchant of the deployment's service-provider merchant) or DIRECT (the mall's own merchant and
 * keys). Answers never carry the secrets back.
 */
@RestController
@Validated
@RequestMapping("/internal/platform/payment/tenants/{tenantId}/merchant-account")
class PlatformMerchantController {

    private final MerchantAccounts accounts;

    PlatformMerchantController(MerchantAccounts accounts) {
        this.accounts = accounts;
    }

    /** DIRECT needs {@code mchId} and the five credentials; PARTNER only {@code subMchId}. */
    record MerchantAccountRequest(@NotNull MerchantAccount.Mode mode,
                                  @Pattern(regexp = "[0-9]{8,20}") String mchId,
                                  @Pattern(regexp = "[0-9]{8,20}") String subMchId,
                                  @Size(min = 32, max = 32) String apiV3Key,
                                  @Pattern(regexp = "[0-9A-Fa-f]{8,64}") String merchantSerialNo,
                                  @Size(max = 8192) String privateKey,
                                  @Size(max = 8192) String platformPublicKey,
                                  @Pattern(regexp = "PUB_KEY_ID_[0-9A-Za-z]{1,64}") String platformPublicKeyId) {
    }

    record MerchantAccountResponse(long tenantId, String mode, String mchId, String subMchId, String merchantSerialNo,
                                   String platformPublicKeyId, boolean credentialsStored, Instant updatedAt) {

        static MerchantAccountResponse of(MerchantAccount a) {
            MerchantAccount.DirectCredentials c = a.credentials();
            return new MerchantAccountResponse(a.tenantId(), a.mode().name(), a.mchId(), a.subMchId(),
                    c == null ? null : c.merchantSerialNo(), c == null ? null : c.platformPublicKeyId(), c != null, a.updatedAt());
        }
    }

    @PutMapping
    MerchantAccountResponse configure(@PathVariable @Positive long tenantId, @Valid @RequestBody MerchantAccountRequest r) {
        return asTenant(tenantId, () -> {
            MerchantAccount.DirectCredentials credentials = null;
            String merchant = r.mode() == MerchantAccount.Mode.PARTNER ? r.subMchId() : r.mchId();
            if (merchant == null) {
                throw new DomainException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
                        r.mode() == MerchantAccount.Mode.PARTNER ? "subMchId is required for PARTNER" : "mchId is required for DIRECT");
            }
            if (r.mode() == MerchantAccount.Mode.PARTNER && (r.mchId() != null || r.apiV3Key() != null || r.privateKey() != null)) {
                throw new DomainException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
                        "A PARTNER account names only its subMchId: the service provider's keys are the deployment's");
            }
            if (r.mode() == MerchantAccount.Mode.DIRECT) {
                try {
                    credentials = new MerchantAccount.DirectCredentials(r.apiV3Key(), r.merchantSerialNo(), r.privateKey(),
                            r.platformPublicKey(), r.platformPublicKeyId());
                } catch (IllegalArgumentException e) {
                    throw new DomainException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", e.getMessage());
                }
            }
            return MerchantAccountResponse.of(accounts.configure(r.mode(), merchant, credentials));
        });
    }

    @GetMapping
    MerchantAccountResponse get(@PathVariable @Positive long tenantId) {
        return asTenant(tenantId, () -> accounts.current().map(MerchantAccountResponse::of)
                .orElseThrow(() -> DomainException.notFound("Merchant account of tenant", tenantId)));
    }

    /** As the tenant named in the path; a tenant member-service does not know is 404. */
    private static <T> T asTenant(long tenantId, Supplier<T> work) {
        try {
            return CallerContext.callAs(Caller.system(tenantId), work::get);
        } catch (RuntimeException e) {
            if (RemoteRejection.in(e).filter(rejection -> rejection.status() == 404 || rejection.status() == 401).isPresent()) {
                throw DomainException.notFound("Tenant", tenantId);
            }
            throw e;
        }
    }
}

package com.siyu.payment.checkout.infra;

import com.siyu.common.context.CallerContext;
import com.siyu.payment.merchant.domain.MerchantAccount;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;

/**
 * The WeChat Pay channel's record of which merchant took each order and refund, written before the
 * channel is called (a timed-out prepay is queried and closed at the same merchant). Numbers from before
 * the record existed are the deployment's own merchant's.
 */
class WechatPayees {

    private final WechatPayeeMapper mapper;
    private final Clock clock;

    WechatPayees(WechatPayeeMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Records {@code payee} for {@code no}, or returns the payee recorded first (a retry keeps its merchant). */
    String record(String no, String payee) {
        try {
            mapper.insert(no, CallerContext.requireTenant(), payee, LocalDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MILLIS),
                    ZoneOffset.UTC));
            return payee;
        } catch (DuplicateKeyException retried) {
            return of(no);
        }
    }

    /** In the tenant's context. */
    String of(String no) {
        return Optional.ofNullable(mapper.payeeOf(no)).orElse(MerchantAccount.PLATFORM);
    }

    String ofAnyTenant(String no) {
        return Optional.ofNullable(mapper.payeeOfAnyTenant(no)).orElse(MerchantAccount.PLATFORM);
    }
}

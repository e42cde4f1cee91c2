package com.siyu.payment.merchant.domain;

import java.util.Optional;

public interface MerchantAccountRepository {

    /** The account of the tenant in context. */
    Optional<MerchantAccount> current();

    /** A DIRECT account by its merchant id, whatever the tenant (a notification names only the merchant). */
    Optional<MerchantAccount> byDirectMchId(String mchId);

    /** @throws MerchantTaken when another tenant already uses this merchant or sub-merchant */
    void save(MerchantAccount account);
}

package com.siyu.member.tenant.domain;

import java.util.List;
import java.util.Optional;

public interface MerchantRepository {

    /** Throws {@link MerchantTaken} when the code (per store) or the QR id (globally) is in use. */
    Merchant insert(long storeId, String code, String brand, String category, String cashierQrId);

    Optional<Merchant> find(long id);

    Optional<Merchant> byQr(String cashierQrId);

    List<Merchant> list(Long storeId);
}

package com.siyu.points.account.api;

import com.siyu.points.account.domain.Lot;
import java.time.LocalDate;

public record LotResponse(long id, Long issuingStoreId, Long merchantId, long points, long remaining, LocalDate expiresOn,
                          String sourceBizId, long amountFen, long refundedFen, long reversedPoints) {

    static LotResponse of(Lot lot) {
        return new LotResponse(lot.id(), lot.issuingStoreId(), lot.merchantId(), lot.points(), lot.remaining(), lot.expiresOn(),
                lot.sourceBizId(), lot.amountFen(), lot.refundedFen(), lot.reversedPoints());
    }
}

package com.siyu.points.account.api;

import com.siyu.points.account.domain.LotRepository;
import java.util.List;

/** A journal line with the lot movements it made (for spends: the settlement lines). */
public record ChangeResponse(JournalEntryResponse entry, List<Movement> movements) {

    public record Movement(long lotId, String kind, Long issuingStoreId, Long consumingStoreId, long points) {

        static Movement of(LotRepository.Movement m) {
            return new Movement(m.lotId(), m.kind().name(), m.issuingStoreId(), m.consumingStoreId(), m.points());
        }
    }
}

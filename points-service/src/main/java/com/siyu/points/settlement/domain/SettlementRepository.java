package com.siyu.points.settlement.domain;

import java.time.Instant;
import java.util.List;

/** Reads the settlement lines (lot movements of spends, reservations, releases, parking) of the tenant in context. */
public interface SettlementRepository {

    /** Net points per (issuing store, consuming store) moved in [from, to). */
    List<Flow> flows(Instant from, Instant to);

    /** Points credited as lots issued by {@code storeId} in [from, to). */
    long issued(Long storeId, Instant from, Instant to);
}

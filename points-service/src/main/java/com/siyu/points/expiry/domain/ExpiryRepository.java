package com.siyu.points.expiry.domain;

import com.siyu.points.account.domain.Lot;
import java.time.LocalDate;
import java.util.List;

public interface ExpiryRepository {

    /** Every tenant with points left in lots whose last day is on or before {@code through}: the one cross-tenant read. */
    List<Long> tenantsWithLotsDueBy(LocalDate through);

    /** Lots of the tenant in context with points left whose last day is before {@code day}. */
    List<Lot> expiredBefore(LocalDate day, int limit);

    /** Lots of the tenant in context with points left, last day on or before {@code through}, members not told yet. */
    List<Lot> unremindedDueBy(LocalDate through, int limit);

    /** Marks the lot as announced; false when another run did it first. */
    boolean markReminded(long lotId);
}

package com.siyu.points.account.api;

import com.siyu.points.account.domain.Discrepancy;
import java.util.List;

/** clean = every account has balance = sum(journal) = sum(lot remaining) and debt = sum(journal debt). */
public record ReconciliationResponse(boolean clean, List<Discrepancy> discrepancies) {
}

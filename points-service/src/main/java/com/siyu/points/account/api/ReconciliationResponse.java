package com.siyu.points.account.api;

import com.siyu.points.account.domain.Discrepancy;
import java.util.List;

public record ReconciliationResponse(boolean clean, List<Discrepancy> discrepancies) {
}

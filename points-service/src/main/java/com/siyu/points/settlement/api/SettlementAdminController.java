package com.siyu.points.settlement.api;

import com.siyu.common.web.StaffOnly;
import com.siyu.points.settlement.domain.SettlementReport;
import com.siyu.points.settlement.domain.Settlements;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Cross-store points settlement per store and period (local days of the tenant, both inclusive). */
@RestController
class SettlementAdminController {

    private final Settlements settlements;

    private final com.siyu.points.client.References references;

    SettlementAdminController(Settlements settlements, com.siyu.points.client.References references) {
        this.settlements = settlements;
        this.references = references;
    }

    @GetMapping("/admin/v1/points/settlement")
    SettlementReport report(@RequestParam(required = false) Long storeId,
                            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        StaffOnly.require("TENANT_ADMIN", "OPERATOR", "MANAGER");
        // another tenant's store answers 422 instead of a report of zeros
        references.store("storeId", storeId);
        return settlements.report(storeId, from, to);
    }
}

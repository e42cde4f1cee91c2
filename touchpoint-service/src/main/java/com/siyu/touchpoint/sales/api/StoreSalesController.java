package com.siyu.touchpoint.sales.api;

import com.siyu.common.web.StaffOnly;
import com.siyu.touchpoint.sales.domain.StoreSales;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The daily import of the stores' POS totals (sales not paid through the cashier), for the private domain's share of all GMV. */
@RestController
@Validated
class StoreSalesController {

    private final StoreSales sales;

    StoreSalesController(StoreSales sales) {
        this.sales = sales;
    }

    record StoreTotal(@NotNull @Positive Long storeId, @NotNull @Min(0) @Max(100_000_000_000L) Long grossFen) {
    }

    record SalesRequest(@NotNull @Size(min = 1, max = 1000) List<@Valid @NotNull StoreTotal> stores) {
    }

    /** The day's POS gross per store (fen), replacing what was reported for those stores that day; the day's totals after. */
    @PutMapping("/admin/v1/touchpoint/store-sales/{day}")
    Map<String, Object> report(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, @Valid @RequestBody SalesRequest r) {
        StaffOnly.require("TENANT_ADMIN", "OPERATOR");
        Map<Long, Long> totals = new LinkedHashMap<>();
        r.stores().forEach(t -> totals.put(t.storeId(), t.grossFen()));
        if (totals.size() != r.stores().size()) {
            throw new com.siyu.common.problem.DomainException(org.springframework.http.HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
                    "stores[].storeId names a store twice");
        }
        return Map.of("day", day, "posFen", sales.report(day, totals));
    }
}

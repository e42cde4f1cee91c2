package com.siyu.points.settlement.domain;

import com.siyu.common.problem.DomainException;
import com.siyu.points.client.TenantZones;
import com.siyu.points.earning.domain.Earnings;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** Settlement reports over local days of the tenant's time zone, aggregated from lines when read. */
@Service
public class Settlements {

    private final SettlementRepository lines;
    private final TenantZones zones;
    private final Earnings earnings;

    public Settlements(SettlementRepository lines, TenantZones zones, Earnings earnings) {
        this.lines = lines;
        this.zones = zones;
        this.earnings = earnings;
    }

    /** The report of {@code storeId} for local days {@code from} through {@code to} inclusive. */
    public SettlementReport report(Long storeId, LocalDate from, LocalDate to) {
        if (to.isBefore(from) || from.plusDays(366).isBefore(to)) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "The period must be 1-366 days with from <= to");
        }
        ZoneId zone = zones.zone();
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        return SettlementReport.of(storeId, from, to, lines.issued(storeId, start, end), lines.flows(start, end),
                earnings.policy().redeemPointsPerYuan());
    }
}

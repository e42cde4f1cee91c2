package com.siyu.guide.leaderboard.api;

import com.siyu.common.context.Caller;
import com.siyu.common.web.StaffOnly;
import com.siyu.guide.leaderboard.domain.Leaderboards;
import com.siyu.guide.leaderboard.domain.Period;
import com.siyu.guide.roster.domain.GuideScope;
import com.siyu.guide.roster.domain.Roster;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Leaderboards: the tenant's, or one store's (a store's manager and its guides see their store's). */
@RestController
@Validated
class LeaderboardController {

    private final Leaderboards leaderboards;
    private final Roster roster;

    LeaderboardController(Leaderboards leaderboards, Roster roster) {
        this.leaderboards = leaderboards;
        this.roster = roster;
    }

    @GetMapping("/admin/v1/guide/leaderboard")
    Leaderboards.Board board(@RequestParam(defaultValue = "DAY") Period.Kind period,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                             @RequestParam(required = false) @Positive Long storeId,
                             @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        Caller staff = StaffOnly.require();
        Long scope = GuideScope.storeOf(staff);
        if (scope == null && staff.hasAnyRole("GUIDE") && !staff.hasAnyRole("TENANT_ADMIN", "OPERATOR", "SERVICE_AGENT", "MANAGER")) {
            // a guide without a store on their token sees the board of the store they are enrolled at
            scope = roster.ofStaff(staff.staffId()).storeId();
        }
        return leaderboards.of(period, date, scope != null ? scope : storeId, limit);
    }
}

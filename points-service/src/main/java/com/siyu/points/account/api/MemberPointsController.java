package com.siyu.points.account.api;

import com.siyu.common.context.CallerContext;
import com.siyu.common.problem.DomainException;
import com.siyu.points.account.domain.AccountState;
import com.siyu.points.account.domain.PointsLedger;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The shopper's own points (identity from the gateway's X-Tenant-Id / X-Member-Id). */
@RestController
@RequestMapping("/api/v1/points")
class MemberPointsController {

    private final PointsLedger ledger;

    MemberPointsController(PointsLedger ledger) {
        this.ledger = ledger;
    }

    @GetMapping("/balance")
    BalanceResponse balance() {
        long member = member();
        AccountState state = ledger.state(member).orElse(new AccountState(0, member, 0, 0));
        return new BalanceResponse(member, state.balance(), state.debt());
    }

    /** Newest first with the running balance after each line; page with {@code before} = the last id seen. */
    @GetMapping("/history")
    List<JournalEntryResponse> history(@RequestParam(required = false) Long before, @RequestParam(defaultValue = "20") int size) {
        if (size < 1 || size > 100) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "size must be 1-100");
        }
        return ledger.history(member(), before, size).stream().map(JournalEntryResponse::of).toList();
    }

    static long member() {
        Long member = CallerContext.current().memberId();
        if (member == null || !CallerContext.current().hasTenant()) {
            throw new DomainException(HttpStatus.UNAUTHORIZED, "MEMBER_TOKEN_REQUIRED", "Sign in as a member first");
        }
        return member;
    }
}

package com.siyu.points.earning.api;

import com.siyu.points.account.api.JournalEntryResponse;
import com.siyu.points.earning.domain.EarnQuote;
import com.siyu.points.earning.domain.Earned;

/** {@code points} earned; {@code debtRepaid} of them paid off a debt; {@code entry} null when nothing was earned. */
public record EarnResponse(Long id, long points, long debtRepaid, Long balanceAfter, JournalEntryResponse entry, EarnQuote quote) {

    static EarnResponse of(Earned earned) {
        return new EarnResponse(earned.entry() == null ? null : earned.entry().id(), earned.points(), earned.debtRepaid(),
                earned.entry() == null ? null : earned.entry().balanceAfter(),
                earned.entry() == null ? null : JournalEntryResponse.of(earned.entry()), earned.quote());
    }
}

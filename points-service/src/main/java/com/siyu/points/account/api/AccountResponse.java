package com.siyu.points.account.api;

import com.siyu.points.account.domain.Account;
import java.util.List;

public record AccountResponse(long memberId, long balance, long debt, List<JournalEntryResponse> recent, List<LotResponse> lots) {

    static AccountResponse of(Account account) {
        return new AccountResponse(account.memberId(), account.balance(), account.debt(),
                account.recent().stream().map(JournalEntryResponse::of).toList(), account.lots().stream().map(LotResponse::of).toList());
    }
}

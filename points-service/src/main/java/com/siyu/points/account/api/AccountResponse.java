package com.siyu.points.account.api;

import com.siyu.points.account.domain.Account;
import java.util.List;

public record AccountResponse(long memberId, long balance, List<JournalEntryResponse> recent) {

    static AccountResponse of(Account account) {
        return new AccountResponse(account.memberId(), account.balance(), account.recent().stream().map(JournalEntryResponse::of).toList());
    }
}

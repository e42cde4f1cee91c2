package com.siyu.points.account.domain;

import java.util.List;

public record Account(long memberId, long balance, long debt, List<JournalEntry> recent, List<Lot> lots) {
}

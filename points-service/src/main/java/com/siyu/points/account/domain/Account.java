package com.siyu.points.account.domain;

import java.util.List;

public record Account(long memberId, long balance, List<JournalEntry> recent) {
}

package com.siyu.points.earning.domain;

import com.siyu.points.account.domain.JournalEntry;

/** A refund's reversal: {@code points} taken back, {@code fromBalance} of them from the balance, {@code debtRecorded} owed. */
public record Reversed(JournalEntry entry, long points, long fromBalance, long debtRecorded) {
}

package com.siyu.points.earning.domain;

import com.siyu.points.account.domain.JournalEntry;

/**
 * The result of an earn: {@code points} earned in total, of which {@code debtRepaid} paid off a
 * recorded debt; {@code entry} is null when nothing was earned (excluded, zero rate, cap reached).
 * {@code quote} is null for a repeated delivery (the first result is returned as recorded).
 */
public record Earned(JournalEntry entry, long points, long debtRepaid, EarnQuote quote) {
}

package com.siyu.member.segment.domain;

import com.siyu.common.problem.DomainException;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * One test a member must pass to be in a segment or a rule tag. Fields: stage, tier, totalSpendFen,
 * recentSpendFen (spend over the trailing 365 days, the tier window), visits, lastVisitDays (days since
 * the last visit; eq N = the last visit was between N and N+1 days ago, so a daily run meets each member once as they
 * cross N), birthdayInDays (eq N = the birthday falls N days from today in the tenant's zone; 0 = today), tag (tag
 * name, manual or rule tag), store (visited store id), category (bought in category). Operators: eq, in, gte, lte;
 * recentSpendFen is a range (gte, lte only), lastVisitDays takes gte, lte and eq, birthdayInDays eq only (0-31).
 */
public record Condition(String field, String op, Object value) {

    public static final List<String> FIELDS = List.of("stage", "tier", "totalSpendFen", "recentSpendFen", "visits", "lastVisitDays",
            "birthdayInDays", "tag", "store", "category");
    static final List<String> NUMERIC = List.of("totalSpendFen", "recentSpendFen", "visits", "lastVisitDays", "birthdayInDays", "store");
    static final int MAX_BIRTHDAY_DAYS = 31;

    public Condition {
        if (!FIELDS.contains(field)) {
            throw invalid("Unknown field '" + field + "'; use one of " + FIELDS);
        }
        if (!List.of("eq", "in", "gte", "lte").contains(op)) {
            throw invalid("Unknown operator '" + op + "' for " + field + "; use eq, in, gte or lte");
        }
        if ((op.equals("gte") || op.equals("lte")) && !NUMERIC.contains(field)) {
            throw invalid(field + " cannot be compared with " + op);
        }
        if (field.equals("recentSpendFen") && !(op.equals("gte") || op.equals("lte"))) {
            throw invalid(field + " is a range: use gte or lte");
        }
        if (field.equals("lastVisitDays") && op.equals("in")) {
            throw invalid(field + " takes gte, lte or eq (the day a member crosses N days)");
        }
        if (field.equals("birthdayInDays") && !op.equals("eq")) {
            throw invalid(field + " takes eq: the birthday falls that many days from today (0 = today)");
        }
        if (op.equals("in")) {
            if (!(value instanceof List<?> list) || list.isEmpty() || list.size() > 100) {
                throw invalid(field + " in needs a list of 1-100 values");
            }
            list.forEach(v -> checkScalar(field, v));
        } else {
            checkScalar(field, value);
        }
        if (field.equals("birthdayInDays") && ((Number) value).longValue() > MAX_BIRTHDAY_DAYS) {
            throw invalid(field + " looks at most " + MAX_BIRTHDAY_DAYS + " days ahead");
        }
    }

    private static void checkScalar(String field, Object value) {
        if (NUMERIC.contains(field)) {
            if (!(value instanceof Number number) || number.longValue() < 0) {
                throw invalid(field + " needs a non-negative whole number");
            }
        } else if (!(value instanceof String text) || text.isBlank() || text.length() > 64) {
            throw invalid(field + " needs a text value of 1-64 characters");
        }
    }

    static DomainException invalid(String detail) {
        return new DomainException(HttpStatus.BAD_REQUEST, "SEGMENT_RULE_INVALID", detail);
    }
}

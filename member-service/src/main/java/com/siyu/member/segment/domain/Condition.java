package com.siyu.member.segment.domain;

import com.siyu.common.problem.DomainException;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * One test a member must pass to be in a segment or a rule tag. Fields: stage, tier, totalSpendFen,
 * recentSpendFen (spend over the trailing 365 days, the tier window), visits, lastVisitDays (days since
 * the last visit), tag (tag name, manual or rule tag), store (visited store id), category (bought in
 * category). Operators: eq, in, gte, lte; recentSpendFen and lastVisitDays are ranges (gte, lte only).
 */
public record Condition(String field, String op, Object value) {

    public static final List<String> FIELDS = List.of("stage", "tier", "totalSpendFen", "recentSpendFen", "visits", "lastVisitDays", "tag",
            "store", "category");
    static final List<String> NUMERIC = List.of("totalSpendFen", "recentSpendFen", "visits", "lastVisitDays", "store");
    static final List<String> RANGE_ONLY = List.of("recentSpendFen", "lastVisitDays");

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
        if (RANGE_ONLY.contains(field) && !(op.equals("gte") || op.equals("lte"))) {
            throw invalid(field + " is a range: use gte or lte");
        }
        if (op.equals("in")) {
            if (!(value instanceof List<?> list) || list.isEmpty() || list.size() > 100) {
                throw invalid(field + " in needs a list of 1-100 values");
            }
            list.forEach(v -> checkScalar(field, v));
        } else {
            checkScalar(field, value);
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

package com.siyu.member.segment.infra;

import com.siyu.member.segment.domain.Condition;
import com.siyu.member.segment.domain.SegmentRule;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a validated rule as a WHERE clause over {@code member m}. Only fixed SQL fragments are
 * concatenated; every value is a bound MyBatis parameter ({@code #{p.pN}}). The tenant line is added
 * to the statement and its sub-selects by the MyBatis-Plus tenant interceptor.
 */
final class SegmentSql {

    record Where(String sql, Map<String, Object> params) {
    }

    private SegmentSql() {
    }

    static Where render(SegmentRule rule, Instant now) {
        List<String> clauses = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        clauses.add("m.status = 'ACTIVE'");
        for (Condition condition : rule.all()) {
            clauses.add(render(condition, now, params));
        }
        return new Where(String.join(" and ", clauses), params);
    }

    private static String render(Condition c, Instant now, Map<String, Object> params) {
        return switch (c.field()) {
            case "stage" -> compare("m.funnel_stage", c, params);
            case "tier" -> compare("m.tier_code", c, params);
            case "totalSpendFen" -> compare("m.total_spend_fen", c, params);
            case "visits" -> compare("m.visits", c, params);
            case "lastVisitDays" -> lastVisit(c, now, params);
            case "tag" -> "exists (select 1 from member_tag mt join tag t on t.id = mt.tag_id where mt.member_id = m.id and "
                    + compare("t.name", c, params) + ")";
            case "store" -> "exists (select 1 from growth_journal g where g.member_id = m.id and " + compare("g.store_id", c, params) + ")";
            case "category" -> "exists (select 1 from growth_journal g where g.member_id = m.id and " + compare("g.category", c, params) + ")";
            default -> throw new IllegalArgumentException(c.field());
        };
    }

    /** Days since the last visit: gte N = not seen for N days (dormant); lte N = seen within N days. */
    private static String lastVisit(Condition c, Instant now, Map<String, Object> params) {
        long days = ((Number) c.value()).longValue();
        String p = bind(params, LocalDateTime.ofInstant(now.minusSeconds(days * 86_400), ZoneOffset.UTC));
        return switch (c.op()) {
            case "gte" -> "(m.last_visit_at is null or m.last_visit_at <= " + p + ")";
            case "lte" -> "m.last_visit_at >= " + p;
            default -> throw new IllegalArgumentException("lastVisitDays supports gte and lte");
        };
    }

    private static String compare(String column, Condition c, Map<String, Object> params) {
        return switch (c.op()) {
            case "eq" -> column + " = " + bind(params, c.value());
            case "gte" -> column + " >= " + bind(params, c.value());
            case "lte" -> column + " <= " + bind(params, c.value());
            case "in" -> column + " in (" + String.join(", ", ((List<?>) c.value()).stream().map(v -> bind(params, v)).toList()) + ")";
            default -> throw new IllegalArgumentException(c.op());
        };
    }

    private static String bind(Map<String, Object> params, Object value) {
        String name = "p" + params.size();
        params.put(name, value);
        return "#{p." + name + "}";
    }
}

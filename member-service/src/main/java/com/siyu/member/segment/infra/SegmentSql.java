package com.siyu.member.segment.infra;

import com.siyu.member.segment.domain.Condition;
import com.siyu.member.segment.domain.SegmentRule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a validated rule (of a segment or a rule tag) as a WHERE clause over {@code member m}. Only fixed SQL fragments are
 * concatenated; every value is a bound MyBatis parameter ({@code #{p.pN}}). The tenant line is added
 * to the statement and its sub-selects by the MyBatis-Plus tenant interceptor.
 */
final class SegmentSql {

    record Where(String sql, Map<String, Object> params) {
    }

    private static final String TENANT = "tenant";
    static final java.time.Duration RECENT_SPEND_WINDOW = java.time.Duration.ofDays(365);

    private SegmentSql() {
    }

    /** {@code zone}: the tenant's, for the conditions that read a local date (birthdays). */
    static Where render(SegmentRule rule, Instant now, ZoneId zone) {
        return render(rule, now, zone, null);
    }

    /**
     * The same clause with {@code tenant_id = tenant} written into it for {@code member m} and every
     * sub-select: for statements whose sub-selects the tenant interceptor does not reach (the NOT IN
     * of a DELETE), so they stay inside the tenant and on its indexes.
     */
    static Where renderWithinTenant(SegmentRule rule, Instant now, ZoneId zone, long tenantId) {
        return render(rule, now, zone, tenantId);
    }

    private static Where render(SegmentRule rule, Instant now, ZoneId zone, Long tenantId) {
        List<String> clauses = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (tenantId != null) {
            params.put(TENANT, tenantId);
            clauses.add(within("m"));
        }
        clauses.add("m.status = 'ACTIVE'");
        for (Condition condition : rule.all()) {
            clauses.add(render(condition, now, zone, params));
        }
        return new Where(String.join(" and ", clauses), params);
    }

    /** {@code alias.tenant_id = #{p.tenant}} when the tenant is written out, else nothing (the interceptor adds it). */
    private static String within(String alias) {
        return alias + ".tenant_id = #{p." + TENANT + "}";
    }

    private static String scoped(Map<String, Object> params, String... aliases) {
        if (!params.containsKey(TENANT)) {
            return "";
        }
        StringBuilder sql = new StringBuilder();
        for (String alias : aliases) {
            sql.append(" and ").append(within(alias));
        }
        return sql.toString();
    }

    private static String render(Condition c, Instant now, ZoneId zone, Map<String, Object> params) {
        return switch (c.field()) {
            case "stage" -> compare("m.funnel_stage", c, params);
            case "tier" -> compare("m.tier_code", c, params);
            case "totalSpendFen" -> compare("m.total_spend_fen", c, params);
            case "recentSpendFen" -> recentSpend(c, now, params);
            case "visits" -> compare("m.visits", c, params);
            case "lastVisitDays" -> lastVisit(c, now, params);
            case "birthdayInDays" -> birthday(LocalDate.ofInstant(now, zone).plusDays(((Number) c.value()).longValue()), params);
            case "tag" -> "exists (select 1 from member_tag mt join tag t on t.id = mt.tag_id where mt.member_id = m.id"
                    + scoped(params, "mt", "t") + " and " + compare("t.name", c, params) + ")";
            case "store" -> "exists (select 1 from growth_journal g where g.member_id = m.id" + scoped(params, "g") + " and "
                    + compare("g.store_id", c, params) + ")";
            case "category" -> "exists (select 1 from growth_journal g where g.member_id = m.id" + scoped(params, "g") + " and "
                    + compare("g.category", c, params) + ")";
            default -> throw new IllegalArgumentException(c.field());
        };
    }

    /**
     * Days since the last visit: gte N = not seen for N days (dormant, never seen included); lte N = seen within N days;
     * eq N = last seen between N and N+1 days ago (a daily run meets each member once, on the day they cross N).
     */
    private static String lastVisit(Condition c, Instant now, Map<String, Object> params) {
        long days = ((Number) c.value()).longValue();
        String p = bind(params, LocalDateTime.ofInstant(now.minusSeconds(days * 86_400), ZoneOffset.UTC));
        return switch (c.op()) {
            case "gte" -> "(m.last_visit_at is null or m.last_visit_at <= " + p + ")";
            case "lte" -> "m.last_visit_at >= " + p;
            case "eq" -> "(m.last_visit_at <= " + p + " and m.last_visit_at > "
                    + bind(params, LocalDateTime.ofInstant(now.minusSeconds((days + 1) * 86_400), ZoneOffset.UTC)) + ")";
            default -> throw new IllegalArgumentException("lastVisitDays supports gte, lte and eq");
        };
    }

    /** Birthday (month and day) on {@code day}; on 28 February of a year without a 29th, those born on the 29th too. */
    private static String birthday(LocalDate day, Map<String, Object> params) {
        String month = "month(m.birthday) = " + bind(params, day.getMonthValue());
        if (day.getMonthValue() == 2 && day.getDayOfMonth() == 28 && !day.isLeapYear()) {
            return "(" + month + " and dayofmonth(m.birthday) in (28, 29))";
        }
        return "(" + month + " and dayofmonth(m.birthday) = " + bind(params, day.getDayOfMonth()) + ")";
    }

    /**
     * Spend over the trailing window (the tier window, 365 days): gte N = at least N fen spent in it
     * (N = 0 matches everyone); lte N = not more than N (members who bought nothing in it included).
     */
    private static String recentSpend(Condition c, Instant now, Map<String, Object> params) {
        long fen = ((Number) c.value()).longValue();
        String since = bind(params, LocalDateTime.ofInstant(now.minus(RECENT_SPEND_WINDOW), ZoneOffset.UTC));
        String spent = "select 1 from growth_journal g where g.member_id = m.id" + scoped(params, "g") + " and g.created_at >= " + since
                + " group by g.member_id having sum(g.spend_fen) ";
        return switch (c.op()) {
            case "gte" -> fen == 0 ? "1 = 1" : "exists (" + spent + ">= " + bind(params, fen) + ")";
            case "lte" -> "not exists (" + spent + "> " + bind(params, fen) + ")";
            default -> throw new IllegalArgumentException("recentSpendFen supports gte and lte");
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
        String name = "p" + params.keySet().stream().filter(k -> !k.equals(TENANT)).count();
        params.put(name, value);
        return "#{p." + name + "}";
    }
}

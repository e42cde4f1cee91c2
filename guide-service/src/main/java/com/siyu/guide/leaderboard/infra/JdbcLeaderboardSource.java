package com.siyu.guide.leaderboard.infra;

import com.siyu.common.context.CallerContext;
import com.siyu.guide.leaderboard.domain.Leaderboards;
import com.siyu.guide.leaderboard.domain.Period;
import com.siyu.guide.leaderboard.domain.Standing;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** One statement over the attribution, binding-history, commission and task tables, each scoped to the tenant and the period. */
@Repository
class JdbcLeaderboardSource implements Leaderboards.Source {

    private final JdbcTemplate jdbc;

    JdbcLeaderboardSource(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Standing> standings(Period period, Long storeId, int limit) {
        long tenant = CallerContext.requireTenant();
        Timestamp from = Timestamp.from(period.from());
        Timestamp to = Timestamp.from(period.to());
        List<Object> args = new ArrayList<>(List.of(tenant, from, to, tenant, from, to, tenant, from, to, tenant, from, to, tenant));
        String sql = "select g.id, g.name, g.store_id, g.status, coalesce(a.sales, 0) sales, coalesce(a.orders, 0) orders,"
                + " coalesce(a.refunded, 0) refunded, coalesce(h.bound, 0) bound, coalesce(c.commission, 0) commission,"
                + " coalesce(t.done, 0) tasks_done from guide g"
                + " left join (select guide_id, sum(paid_fen) sales, count(*) orders, sum(refunded_fen) refunded from guide_attribution"
                + "   where tenant_id = ? and guide_id is not null and paid_at >= ? and paid_at < ? group by guide_id) a on a.guide_id = g.id"
                + " left join (select to_guide_id, count(*) bound from guide_binding_history where tenant_id = ?"
                + "   and source in ('CODE', 'LINK', 'WECOM', 'STAFF') and created_at >= ? and created_at < ? group by to_guide_id) h"
                + "   on h.to_guide_id = g.id"
                + " left join (select guide_id, sum(amount_fen) commission from guide_commission_line where tenant_id = ?"
                + "   and created_at >= ? and created_at < ? group by guide_id) c on c.guide_id = g.id"
                + " left join (select guide_id, count(*) done from guide_task where tenant_id = ? and status = 'DONE'"
                + "   and done_at >= ? and done_at < ? group by guide_id) t on t.guide_id = g.id"
                + " where g.tenant_id = ?";
        if (storeId != null) {
            sql += " and g.store_id = ?";
            args.add(storeId);
        }
        args.add(limit);
        List<Standing> standings = new ArrayList<>();
        jdbc.query(sql + " order by sales desc, bound desc, commission desc, g.id limit ?", rs -> {
            standings.add(new Standing(standings.size() + 1, rs.getLong("id"), rs.getString("name"), rs.getLong("store_id"), rs.getString("status"),
                    rs.getLong("sales"), rs.getLong("orders"), rs.getLong("refunded"), rs.getLong("bound"), rs.getLong("commission"), rs.getLong("tasks_done")));
        }, args.toArray());
        return standings;
    }
}

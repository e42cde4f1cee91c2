package com.siyu.touchpoint.sales.infra;

import com.siyu.common.context.CallerContext;
import com.siyu.touchpoint.sales.domain.SalesRepository;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcSalesRepository implements SalesRepository {

    private final JdbcTemplate jdbc;

    JdbcSalesRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static long tenant() {
        return CallerContext.requireTenant();
    }

    @Override
    public boolean paymentOnce(String paymentNo, LocalDate day) {
        return jdbc.update("insert ignore into tp_sales_payment (tenant_id, payment_no, day) values (?, ?, ?)", tenant(), paymentNo, day) == 1;
    }

    @Override
    public Optional<LocalDate> paymentDay(String paymentNo) {
        return jdbc.query("select day from tp_sales_payment where tenant_id = ? and payment_no = ?", (rs, n) -> rs.getObject(1, LocalDate.class), tenant(),
                paymentNo).stream().findFirst();
    }

    @Override
    public boolean refundOnce(String refundNo) {
        return jdbc.update("insert ignore into tp_sales_refund (tenant_id, refund_no) values (?, ?)", tenant(), refundNo) == 1;
    }

    @Override
    public void addCashier(LocalDate day, long storeId, long fen, Instant now) {
        // the primary key is (tenant, day, store): "on duplicate key" can only meet this tenant's row
        jdbc.update("insert into tp_store_sales_day (tenant_id, day, store_id, cashier_fen, updated_at) values (?, ?, ?, ?, ?)"
                + " on duplicate key update cashier_fen = cashier_fen + values(cashier_fen), updated_at = values(updated_at)", tenant(), day, storeId, fen,
                Timestamp.from(now));
    }

    @Override
    public void setPos(LocalDate day, long storeId, long fen, Instant now) {
        jdbc.update("insert into tp_store_sales_day (tenant_id, day, store_id, pos_fen, updated_at) values (?, ?, ?, ?, ?)"
                + " on duplicate key update pos_fen = values(pos_fen), updated_at = values(updated_at)", tenant(), day, storeId, fen, Timestamp.from(now));
    }

    @Override
    public List<StoreDay> between(LocalDate from, LocalDate to) {
        return jdbc.query("select store_id, sum(cashier_fen), sum(pos_fen) from tp_store_sales_day where tenant_id = ? and day >= ? and day <= ?"
                + " group by store_id order by store_id", (rs, n) -> new StoreDay(rs.getLong(1), rs.getLong(2), rs.getLong(3)), tenant(), from, to);
    }

    @Override
    public Map<Long, Long> posOf(LocalDate day) {
        Map<Long, Long> out = new TreeMap<>();
        jdbc.query("select store_id, pos_fen from tp_store_sales_day where tenant_id = ? and day = ? and pos_fen <> 0", rs -> {
            out.put(rs.getLong(1), rs.getLong(2));
        }, tenant(), day);
        return out;
    }
}

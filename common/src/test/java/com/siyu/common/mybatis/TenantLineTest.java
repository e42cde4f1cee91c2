package com.siyu.common.mybatis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.baomidou.mybatisplus.extension.plugins.inner.TenantLineInnerInterceptor;
import com.siyu.common.context.Caller;
import com.siyu.common.context.CallerContext;
import com.siyu.common.context.MissingTenant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TenantLineTest {

    private final TenantLine line = new TenantLine(Set.of("tenant", "undo_log"));
    private final TenantLineInnerInterceptor interceptor = new TenantLineInnerInterceptor(line);

    @AfterEach
    void clear() {
        CallerContext.clear();
    }

    @Test
    void everyStatementGetsTheTenantCondition() {
        CallerContext.set(Caller.system(42));
        assertThat(interceptor.parserSingle("select * from member where id = 1", null))
                .isEqualToIgnoringCase("SELECT * FROM member WHERE id = 1 AND tenant_id = 42");
        assertThat(interceptor.parserSingle("update points_account set balance = balance - 5 where member_id = 9 and balance >= 5", null))
                .contains("tenant_id = 42");
        assertThat(interceptor.parserSingle("delete from store where id = 3", null)).contains("tenant_id = 42");
        assertThat(interceptor.parserSingle("insert into store (code, name) values ('A', 'a')", null))
                .containsIgnoringCase("(code, name, tenant_id)").contains("42");
    }

    @Test
    void exemptTablesAreLeftAlone() {
        CallerContext.set(Caller.system(42));
        assertThat(interceptor.parserSingle("select * from tenant where code = 'x'", null)).doesNotContain("tenant_id");
    }

    @Test
    void noTenantNoQuery() {
        assertThatThrownBy(() -> interceptor.parserSingle("select * from member", null))
                .satisfies(e -> {
                    Throwable t = e;
                    while (t != null && !(t instanceof MissingTenant)) {
                        t = t.getCause();
                    }
                    assertThat(t).as("MissingTenant in the cause chain of " + e).isInstanceOf(MissingTenant.class);
                });
    }

    private final CachedTenantLineInterceptor cached = new CachedTenantLineInterceptor(line);

    @Test
    void theCachedRewriteIsTheParsersForEveryTenantAndEveryStatement() {
        java.util.List<String> statements = java.util.List.of("select * from member where id = 1",
                "update points_account set balance = balance - 5 where member_id = 9 and balance >= 5", "delete from store where id = 3",
                "insert into store (code, name) values ('A', 'a')",
                "select m.id from member m join member_tag t on t.member_id = m.id where exists (select 1 from tag g where g.id = t.tag_id)",
                "select * from tenant where code = 'x'");
        for (long tenant : new long[] {42, 7_000_000_000_123L, 42}) {
            CallerContext.set(Caller.system(tenant));
            for (String sql : statements) {
                assertThat(cached.parserSingle(sql, null)).as(sql).isEqualTo(interceptor.parserSingle(sql, null));
                assertThat(cached.parserMulti(sql, null)).as(sql).isEqualTo(interceptor.parserMulti(sql, null));
            }
        }
        // parsed once each: the rest came from memory
        assertThat(cached.remembered()).isEqualTo(2 * statements.size());
    }

    @Test
    void theCacheNeedsATenantOnlyWhereTheParserDoes() {
        CallerContext.set(Caller.system(42));
        cached.parserSingle("select * from member where id = 1", null);
        CallerContext.clear();
        assertThatThrownBy(() -> cached.parserSingle("select * from member where id = 1", null)).isInstanceOf(MissingTenant.class);
        // exempt tables only: no tenant needed, none written
        assertThat(cached.parserSingle("select * from tenant where code = 'x'", null)).doesNotContain("tenant_id");
        assertThat(cached.parserSingle("select * from undo_log where xid = 'a'", null)).doesNotContain("tenant_id");
    }

    @Test
    void aStatementHoldingTheMarkerIsNeverTakenFromMemory() {
        CallerContext.set(Caller.system(42));
        String sql = "select * from member where id = " + CachedTenantLineInterceptor.MARKER;
        assertThat(cached.parserSingle(sql, null)).isEqualTo(interceptor.parserSingle(sql, null)).contains("tenant_id = 42")
                .contains(Long.toString(CachedTenantLineInterceptor.MARKER));
        assertThat(cached.remembered()).isZero();
    }
}

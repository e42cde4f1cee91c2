package com.siyu.common.mybatis;

import com.baomidou.mybatisplus.extension.plugins.handler.TenantLineHandler;
import com.siyu.common.context.CallerContext;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.LongValue;

/**
 * Adds {@code tenant_id = ?} to every MyBatis-Plus statement. A statement that runs with no tenant
 * in context fails ({@link com.siyu.common.context.MissingTenant}) rather than reading every
 * tenant's rows. Exemptions are explicit: tables named in {@code siyu.tenant.exempt-tables}, or a
 * mapper method annotated {@code @InterceptorIgnore(tenantLine = "true")}.
 */
public class TenantLine implements TenantLineHandler {

    public static final String COLUMN = "tenant_id";

    private final Set<String> exemptTables;

    public TenantLine(Set<String> exemptTables) {
        this.exemptTables = exemptTables.stream().map(t -> t.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Expression getTenantId() {
        return new LongValue(CallerContext.requireTenant());
    }

    @Override
    public String getTenantIdColumn() {
        return COLUMN;
    }

    @Override
    public boolean ignoreTable(String tableName) {
        return exemptTables.contains(unquote(tableName).toLowerCase(Locale.ROOT));
    }

    private static String unquote(String name) {
        return name.replace("`", "");
    }
}

package com.siyu.common.autoconfigure;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import com.siyu.common.problem.DomainException;
import org.apache.seata.rm.datasource.DataSourceProxy;
import org.springframework.http.HttpStatus;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.flyway.FlywayDataSource;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The service's DataSource wrapped in Seata's AT proxy. Seata's own auto-proxy checks for
 * {@code undo_log} the moment the pool is created, before Flyway has created it, so no service could
 * start on an empty database. Here Flyway migrates through the raw pool, and the AT proxy is built on
 * the first connection anyone asks for, which is after the migration.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@ConditionalOnClass({DataSourceProxy.class, HikariDataSource.class})
@ConditionalOnProperty(name = "seata.enabled", havingValue = "true", matchIfMissing = true)
public class SeataDataSourceConfiguration {

    @Bean
    @FlywayDataSource
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource rawDataSource(DataSourceProperties properties) {
        return properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    }

    @Bean
    @Primary
    DataSource dataSource(@Qualifier("rawDataSource") HikariDataSource raw) {
        return new LazyAtDataSource(raw);
    }

    /**
     * Builds the Seata proxy on first use. Building it registers the resource with the Seata TC, so a
     * TC that cannot be reached makes that use fail (503, retried on the next use) instead of the
     * service failing to start; metadata look-ups (pool metrics, health) never build it.
     */
    static final class LazyAtDataSource extends DelegatingDataSource {

        private final DataSource raw;
        private volatile DataSourceProxy proxy;

        LazyAtDataSource(DataSource raw) {
            this.raw = raw;
        }

        @Override
        public DataSource getTargetDataSource() {
            DataSourceProxy current = proxy;
            if (current == null) {
                synchronized (this) {
                    current = proxy;
                    if (current == null) {
                        try {
                            current = new DataSourceProxy(raw);
                        } catch (RuntimeException unreachable) {
                            throw new DomainException(HttpStatus.SERVICE_UNAVAILABLE, "TRANSACTION_COORDINATOR_UNAVAILABLE",
                                    "The transaction coordinator cannot be reached; nothing was changed, try again shortly");
                        }
                        proxy = current;
                    }
                }
            }
            return current;
        }

        @Override
        public <T> T unwrap(Class<T> type) throws java.sql.SQLException {
            if (type.isInstance(raw)) {
                return type.cast(raw);
            }
            return super.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws java.sql.SQLException {
            return type.isInstance(raw) || super.isWrapperFor(type);
        }

        @Override
        public void afterPropertiesSet() {
            // the target is created lazily on purpose
        }
    }
}

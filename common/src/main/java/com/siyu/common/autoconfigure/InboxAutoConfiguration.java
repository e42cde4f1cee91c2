package com.siyu.common.autoconfigure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyu.common.inbox.EventConsumer;
import com.siyu.common.inbox.Inbox;
import com.siyu.common.inbox.InboxRunner;
import com.siyu.common.inbox.InboxSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.amqp.RabbitAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The inbox (see {@link Inbox}, {@link InboxRunner}) in a service that declares at least one
 * {@link EventConsumer} bean; a service without one is unaffected (no queue, no listener).
 * {@code siyu.inbox.enabled=false} switches it off, {@code siyu.inbox.auto-startup=false} builds it without
 * consuming (integration tests that are not about events).
 */
@AutoConfiguration(after = {RabbitAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
        DataSourceTransactionManagerAutoConfiguration.class, SiyuServiceAutoConfiguration.class})
@ConditionalOnClass(SimpleMessageListenerContainer.class)
@ConditionalOnBean({EventConsumer.class, ConnectionFactory.class, JdbcTemplate.class, PlatformTransactionManager.class})
@ConditionalOnProperty(name = "siyu.inbox.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(InboxAutoConfiguration.InboxProperties.class)
public class InboxAutoConfiguration {

    @Bean
    Inbox inbox(List<EventConsumer> consumers, JdbcTemplate jdbc, PlatformTransactionManager transactions,
            ObjectProvider<Clock> clock) {
        return new Inbox(consumers, jdbc, transactions, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    InboxRunner inboxRunner(ConnectionFactory connections, Inbox inbox, InboxProperties properties, Environment environment,
            ObjectMapper json, ObjectProvider<MeterRegistry> meters) {
        String queue = properties.getQueue() != null ? properties.getQueue()
                : environment.getRequiredProperty("spring.application.name") + ".inbox";
        InboxSettings settings = new InboxSettings(properties.getExchange(), queue, Math.max(1, properties.getMaxAttempts()),
                properties.getRetryDelay(), Math.max(1, properties.getConcurrency()), Math.max(1, properties.getPrefetch()));
        return new InboxRunner(connections, inbox, settings, json, meters.getIfAvailable(SimpleMeterRegistry::new),
                properties.isAutoStartup());
    }

    @ConfigurationProperties("siyu.inbox")
    public static class InboxProperties {
        /** Off switch; without an EventConsumer bean the inbox is off anyway. */
        private boolean enabled = true;
        /** Start consuming with the application. */
        private boolean autoStartup = true;
        /** The exchange events come from (the outbox relay's). */
        private String exchange = "siyu.events";
        /** The service's queue; default {@code <spring.application.name>.inbox}. */
        private String queue;
        /** Deliveries of one message before it is dead-lettered. */
        private int maxAttempts = 5;
        /** Wait in the retry queue between attempts. */
        private Duration retryDelay = Duration.ofSeconds(10);
        /** Consumer threads. */
        private int concurrency = 2;
        /** Unacknowledged messages per consumer thread. */
        private int prefetch = 5;

        public boolean isEnabled() { return enabled; }
        public void setEnabled(boolean enabled) { this.enabled = enabled; }
        public boolean isAutoStartup() { return autoStartup; }
        public void setAutoStartup(boolean autoStartup) { this.autoStartup = autoStartup; }
        public String getExchange() { return exchange; }
        public void setExchange(String exchange) { this.exchange = exchange; }
        public String getQueue() { return queue; }
        public void setQueue(String queue) { this.queue = queue; }
        public int getMaxAttempts() { return maxAttempts; }
        public void setMaxAttempts(int maxAttempts) { this.maxAttempts = maxAttempts; }
        public Duration getRetryDelay() { return retryDelay; }
        public void setRetryDelay(Duration retryDelay) { this.retryDelay = retryDelay; }
        public int getConcurrency() { return concurrency; }
        public void setConcurrency(int concurrency) { this.concurrency = concurrency; }
        public int getPrefetch() { return prefetch; }
        public void setPrefetch(int prefetch) { this.prefetch = prefetch; }
    }
}

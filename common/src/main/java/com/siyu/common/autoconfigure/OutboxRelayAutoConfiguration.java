package com.siyu.common.autoconfigure;

import com.siyu.common.outbox.OutboxRelay;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.amqp.RabbitAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The outbox relay (see {@link OutboxRelay}) in every servlet service; it checks at start-up whether the
 * service's database has an {@code outbox_event} table and stays idle if not. {@code siyu.outbox.enabled=false}
 * switches it off entirely.
 */
@AutoConfiguration(after = {RabbitAutoConfiguration.class, DataSourceAutoConfiguration.class,
        SeataDataSourceConfiguration.class, SiyuServiceAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(RabbitTemplate.class)
@ConditionalOnBean({ConnectionFactory.class, DataSource.class})
@ConditionalOnProperty(name = "siyu.outbox.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(SiyuProperties.class)
@EnableScheduling
public class OutboxRelayAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelayAutoConfiguration.class);

    /**
     * Uses the raw pool when Seata wraps the service's DataSource: the relay never takes part in a global
     * transaction, and must keep working while the transaction coordinator is unreachable.
     */
    @Bean
    OutboxRelay outboxRelay(@Qualifier("rawDataSource") ObjectProvider<DataSource> raw, DataSource dataSource,
            ConnectionFactory rabbitConnections, SiyuProperties properties, Environment environment,
            ObjectProvider<Clock> clock, ObjectProvider<MeterRegistry> meters) {
        if (rabbitConnections instanceof CachingConnectionFactory caching
                && (!caching.isPublisherConfirms() || !caching.isPublisherReturns())) {
            throw new IllegalStateException("The outbox relay needs spring.rabbitmq.publisher-confirm-type=correlated "
                    + "and spring.rabbitmq.publisher-returns=true (siyu-defaults.yml sets both)");
        }
        RabbitTemplate rabbit = new RabbitTemplate(rabbitConnections);
        rabbit.setMandatory(true);
        rabbit.setReturnsCallback(returned -> log.debug("Unroutable event {} on {}: {}",
                returned.getMessage().getMessageProperties().getMessageId(), returned.getRoutingKey(),
                returned.getReplyText()));
        String application = environment.getRequiredProperty("spring.application.name");
        return new OutboxRelay(raw.getIfAvailable(() -> dataSource), rabbit, new RabbitAdmin(rabbitConnections),
                properties.getOutbox().settings(), application, clock.getIfAvailable(Clock::systemUTC),
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }
}

package com.siyu.common.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * A service integration test: the whole service on a random port against the real MariaDB (its own
 * {@code *_it} schema, migrated by Flyway), with Nacos and Seata off. Tests about Nacos or Seata
 * turn them back on with their own properties. The outbox relay is built and runs its start-up check,
 * but its first tick is an hour away, so no test depends on RabbitMQ or sees rows published behind its
 * back; a test about the relay sets {@code siyu.outbox.initial-delay} (see member-service's OutboxRelayIT).
 * Likewise the inbox of a service with event consumers is built but does not consume (nor declare its queue);
 * a test about consuming sets {@code siyu.inbox.auto-startup=true} and its own {@code siyu.inbox.queue}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "siyu.db.suffix=_it",
        "spring.cloud.nacos.discovery.enabled=false",
        "spring.cloud.nacos.config.enabled=false",
        "spring.cloud.service-registry.auto-registration.enabled=false",
        "seata.enabled=false",
        "siyu.outbox.initial-delay=PT1H",
        "siyu.inbox.auto-startup=false",
        "spring.config.import=",
        "siyu.security.jwks-uri=" + TestTokens.JWKS,
        // a fixed test master key: the _it schemas outlive a run, and what one run sealed the next must open
        "siyu.crypto.active-key=it-1",
        "siyu.crypto.keys.it-1=aXQtbWFzdGVyLWtleS0zMi1ieXRlcy1sb25nLXh4eHg=",
        // guide-service's code signing key (other services ignore it)
        "siyu.guide.code-key=aXQtZ3VpZGUtY29kZS1rZXktMzItYnl0ZXMtbG9uZy14"
})
@Import(TestTokens.Config.class)
public @interface ServiceIT {
}

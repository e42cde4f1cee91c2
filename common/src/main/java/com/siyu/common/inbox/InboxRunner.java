package com.siyu.common.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.connection.ConnectionListener;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.context.SmartLifecycle;

/**
 * Declares the service's queues and starts consuming once the application is up; stops first on shutdown.
 *
 * <p>Topology, declared (idempotently) whenever a broker connection opens, never before the runner starts,
 * so a service or test that does not run the inbox leaves no queue behind collecting events:
 * <pre>
 *   siyu.events (topic) --routing keys of the consumers--> &lt;queue&gt;   (durable; rejects dead-letter to .retry)
 *   &lt;queue&gt;.retry  (durable; TTL = retry delay, then dead-letters back to &lt;queue&gt;)
 *   &lt;queue&gt;.dlq    (durable; messages that failed every attempt or can never succeed, for an operator)
 * </pre>
 */
public class InboxRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboxRunner.class);

    private final ConnectionFactory connections;
    private final Inbox inbox;
    private final InboxSettings settings;
    private final RabbitAdmin admin;
    private final SimpleMessageListenerContainer container;
    private final boolean autoStartup;
    private volatile boolean listening;
    private volatile boolean running;

    public InboxRunner(ConnectionFactory connections, Inbox inbox, InboxSettings settings, ObjectMapper json,
            MeterRegistry meters, boolean autoStartup) {
        this.connections = connections;
        this.inbox = inbox;
        this.settings = settings;
        this.autoStartup = autoStartup;
        this.admin = new RabbitAdmin(connections);
        this.admin.setAutoStartup(false);
        RabbitTemplate deadLetters = new RabbitTemplate(connections);
        this.container = new SimpleMessageListenerContainer(connections);
        container.setQueueNames(settings.queue());
        container.setAcknowledgeMode(AcknowledgeMode.MANUAL);
        container.setConcurrentConsumers(settings.concurrency());
        container.setPrefetchCount(settings.prefetch());
        container.setDefaultRequeueRejected(false);
        container.setMissingQueuesFatal(false);
        container.setMessageListener(new InboxListener(inbox, settings, json, deadLetters, meters));
    }

    @Override
    public void start() {
        if (!listening) {
            connections.addConnectionListener(new ConnectionListener() {
                @Override
                public void onCreate(org.springframework.amqp.rabbit.connection.Connection connection) {
                    declare();
                }
            });
            listening = true;
        }
        try {
            declare();
        } catch (AmqpException brokerDown) {
            log.warn("Inbox cannot declare {} yet ({}); it does when the broker is reachable", settings.queue(), brokerDown.toString());
        }
        container.start();
        running = true;
        log.info("Inbox on: queue '{}' bound to {} on '{}' ({} attempts, retry after {})", settings.queue(), inbox.keys(),
                settings.exchange(), settings.maxAttempts(), settings.retryDelay());
    }

    /** Idempotent declarations; re-run on every new connection (a restarted broker without durable state). */
    void declare() {
        TopicExchange exchange = new TopicExchange(settings.exchange(), true, false);
        admin.declareExchange(exchange);
        admin.declareQueue(new Queue(settings.deadLetterQueue(), true, false, false));
        admin.declareQueue(new Queue(settings.retryQueue(), true, false, false, Map.of(
                "x-message-ttl", settings.retryDelay().toMillis(),
                "x-dead-letter-exchange", "",
                "x-dead-letter-routing-key", settings.queue())));
        Queue queue = new Queue(settings.queue(), true, false, false, Map.of(
                "x-dead-letter-exchange", "",
                "x-dead-letter-routing-key", settings.retryQueue()));
        admin.declareQueue(queue);
        for (String key : inbox.keys()) {
            Binding binding = BindingBuilder.bind(queue).to(exchange).with(key);
            admin.declareBinding(binding);
        }
    }

    @Override
    public void stop() {
        container.stop();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public boolean isAutoStartup() {
        return autoStartup;
    }

    /** Late start, early stop: web server and schedulers are up before messages arrive. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    public Inbox inbox() {
        return inbox;
    }

    public InboxSettings settings() {
        return settings;
    }
}

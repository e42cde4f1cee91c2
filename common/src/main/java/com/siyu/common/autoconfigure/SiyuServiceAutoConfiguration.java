package com.siyu.common.autoconfigure;

import com.baomidou.mybatisplus.extension.plugins.MybatisPlusInterceptor;
import com.baomidou.mybatisplus.extension.plugins.inner.OptimisticLockerInnerInterceptor;
import com.baomidou.mybatisplus.extension.plugins.inner.PaginationInnerInterceptor;
import com.baomidou.mybatisplus.annotation.DbType;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.codec.Decoder;
import feign.optionals.OptionalDecoder;
import java.util.List;
import org.springframework.boot.autoconfigure.http.HttpMessageConverters;
import org.springframework.cloud.openfeign.support.ResponseEntityDecoder;
import org.springframework.cloud.openfeign.support.SpringDecoder;
import org.springframework.http.converter.StringHttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import com.siyu.common.context.ContextTaskDecorator;
import com.siyu.common.feign.ContextForwardingInterceptor;
import com.siyu.common.feign.ProblemErrorDecoder;
import com.siyu.common.idempotency.IdempotencyFilter;
import com.siyu.common.idempotency.IdempotencyStore;
import com.siyu.common.mybatis.TenantLine;
import com.siyu.common.problem.ProblemHandler;
import com.siyu.common.problem.ProblemWriter;
import java.time.Clock;
import java.util.HashSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.task.TaskDecorator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** The defaults every Siyu service gets by depending on {@code common}. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SiyuProperties.class)
@EnableScheduling
public class SiyuServiceAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SiyuServiceAutoConfiguration.class);

    static {
        // Seata's AT proxy asks RowSetProvider.newFactory() for every generated key it reads back; without this property
        // that looks the factory up with a ServiceLoader, scanning every jar of the fat jar each time: a fifth of
        // payment-service's CPU in a cashier payment's profile. The JDK's own factory is what it finds anyway.
        if (System.getProperty("javax.sql.rowset.RowSetFactory") == null) {
            System.setProperty("javax.sql.rowset.RowSetFactory", "com.sun.rowset.RowSetFactoryImpl");
        }
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer strictJson() {
        return com.siyu.common.json.StrictJson::configure;
    }

    @Bean
    com.fasterxml.jackson.databind.Module strictJsonText() {
        return com.siyu.common.json.StrictJson.wellFormedText();
    }

    /** Tomcat's own refusals (bad paths, bad escapes) answer problem+json like everything else. */
    @Bean
    org.springframework.boot.web.server.WebServerFactoryCustomizer<org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof org.apache.catalina.core.StandardHost host) {
                host.setErrorReportValveClass(com.siyu.common.web.ProblemErrorReportValve.class.getName());
            }
        });
    }

    @Bean
    ProblemWriter problemWriter(ObjectMapper json) {
        return new ProblemWriter(json);
    }

    @Bean
    ProblemHandler problemHandler() {
        return new ProblemHandler();
    }

    @Bean
    com.siyu.common.outbox.OutboxWriter outboxWriter(JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
        return new com.siyu.common.outbox.OutboxWriter(jdbc, json, clock);
    }

    @Bean
    IdempotencyStore idempotencyStore(JdbcTemplate jdbc, Clock clock) {
        return new IdempotencyStore(jdbc, clock);
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyStore store, ProblemWriter problems,
            SiyuProperties properties) {
        SiyuProperties.Idempotency settings = properties.getIdempotency();
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(
                new IdempotencyFilter(store, problems, settings.getExemptPaths(), settings.getLease()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
        return registration;
    }

    @Bean
    IdempotencyPurge idempotencyPurge(IdempotencyStore store, SiyuProperties properties) {
        return new IdempotencyPurge(store, properties);
    }

    @Bean
    MybatisPlusInterceptor mybatisPlusInterceptor(SiyuProperties properties) {
        MybatisPlusInterceptor interceptor = new MybatisPlusInterceptor();
        interceptor.addInnerInterceptor(new com.siyu.common.mybatis.CachedTenantLineInterceptor(
                new TenantLine(new HashSet<>(properties.getTenant().getExemptTables()))));
        interceptor.addInnerInterceptor(new PaginationInnerInterceptor(DbType.MARIADB));
        interceptor.addInnerInterceptor(new OptimisticLockerInnerInterceptor());
        return interceptor;
    }

    @Bean
    TaskDecorator contextTaskDecorator() {
        return new ContextTaskDecorator();
    }

    @Bean
    ContextForwardingInterceptor contextForwardingInterceptor(com.siyu.common.security.ServiceTokens serviceTokens) {
        return new ContextForwardingInterceptor(serviceTokens);
    }

    /**
     * Feign's pooled Apache HttpClient 5 never repeats a call by itself: its default strategy resends on an I/O error
     * and on a 429/503 answer, POSTs included. Whether a call may be repeated is the caller's to decide (idempotency
     * keys, retry jobs), and a 503 is an answer to pass on, not to hide.
     */
    @Bean
    org.springframework.cloud.openfeign.clientconfig.HttpClient5FeignConfiguration.HttpClientBuilderCustomizer feignNoAutomaticRetries() {
        return org.apache.hc.client5.http.impl.classic.HttpClientBuilder::disableAutomaticRetries;
    }

    @Bean
    ProblemErrorDecoder problemErrorDecoder(ObjectMapper json) {
        return new ProblemErrorDecoder(json);
    }

    /**
     * Feign reads other services' answers leniently: a client record names only the fields it needs,
     * and a service adding a field must not break its callers. (Incoming request bodies stay strict.)
     */
    @Bean
    Decoder feignDecoder(ObjectMapper json) {
        ObjectMapper lenient = json.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        HttpMessageConverters converters = new HttpMessageConverters(false,
                List.of(new MappingJackson2HttpMessageConverter(lenient), new StringHttpMessageConverter()));
        return new OptionalDecoder(new ResponseEntityDecoder(new SpringDecoder(() -> converters)));
    }

    /** Deletes stored idempotent responses past their retention. */
    static class IdempotencyPurge {

        private final IdempotencyStore store;
        private final SiyuProperties properties;

        IdempotencyPurge(IdempotencyStore store, SiyuProperties properties) {
            this.store = store;
            this.properties = properties;
        }

        @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
        void purge() {
            int purged = store.purgeOlderThan(properties.getIdempotency().getRetention());
            if (purged > 0) {
                log.info("Purged {} idempotency records older than {}", purged, properties.getIdempotency().getRetention());
            }
        }
    }
}

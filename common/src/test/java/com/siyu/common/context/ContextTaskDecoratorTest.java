package com.siyu.common.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ContextTaskDecoratorTest {

    @Test
    void theCallerTravelsToTheTaskAndDoesNotLeakIntoThePool() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        ContextTaskDecorator decorator = new ContextTaskDecorator();
        AtomicReference<Caller> seen = new AtomicReference<>();
        Caller caller = new Caller(42L, null, 7L, 3L, Set.of("OPERATOR"));
        CallerContext.runAs(caller, () -> {
            try {
                pool.submit(decorator.decorate(() -> seen.set(CallerContext.current()))).get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(seen.get()).isEqualTo(caller);

        AtomicReference<Caller> after = new AtomicReference<>();
        pool.submit(() -> after.set(CallerContext.current())).get();
        assertThat(after.get()).isEqualTo(Caller.ANONYMOUS);
        pool.shutdown();
    }

    @Test
    void requireTenantFailsLoudlyWithoutOne() {
        CallerContext.clear();
        org.assertj.core.api.Assertions.assertThatThrownBy(CallerContext::requireTenant).isInstanceOf(MissingTenant.class);
    }
}

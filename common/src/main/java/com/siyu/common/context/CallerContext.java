package com.siyu.common.context;

import java.util.function.Supplier;

/**
 * Holds the {@link Caller} of the request being processed on this thread. Filled by the servlet
 * filter, copied to async tasks by the task decorator, forwarded to other services by the Feign
 * interceptor, and read by the MyBatis-Plus tenant line interceptor.
 */
public final class CallerContext {

    private static final ThreadLocal<Caller> CURRENT = new ThreadLocal<>();

    private CallerContext() {
    }

    public static Caller current() {
        Caller caller = CURRENT.get();
        return caller == null ? Caller.ANONYMOUS : caller;
    }

    /** The current tenant; fails loudly when there is none. */
    public static long requireTenant() {
        Long tenantId = current().tenantId();
        if (tenantId == null) {
            throw new MissingTenant();
        }
        return tenantId;
    }

    public static void set(Caller caller) {
        if (caller == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(caller);
        }
    }

    public static void clear() {
        CURRENT.remove();
    }

    /** Runs {@code work} as {@code caller} and restores whatever was there before. */
    public static <T> T callAs(Caller caller, Supplier<T> work) {
        Caller previous = CURRENT.get();
        set(caller);
        try {
            return work.get();
        } finally {
            set(previous);
        }
    }

    public static void runAs(Caller caller, Runnable work) {
        callAs(caller, () -> {
            work.run();
            return null;
        });
    }
}

package com.siyu.common.context;

import java.util.Map;
import org.slf4j.MDC;
import org.springframework.core.task.TaskDecorator;

/** Carries the caller and the logging context from the submitting thread to the async task. */
public class ContextTaskDecorator implements TaskDecorator {

    @Override
    public Runnable decorate(Runnable task) {
        Caller caller = CallerContext.current();
        Map<String, String> mdc = MDC.getCopyOfContextMap();
        return () -> {
            Map<String, String> previousMdc = MDC.getCopyOfContextMap();
            if (mdc != null) {
                MDC.setContextMap(mdc);
            }
            try {
                CallerContext.runAs(caller, task);
            } finally {
                if (previousMdc == null) {
                    MDC.clear();
                } else {
                    MDC.setContextMap(previousMdc);
                }
            }
        };
    }
}

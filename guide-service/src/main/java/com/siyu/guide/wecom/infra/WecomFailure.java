package com.siyu.guide.wecom.infra;

import com.siyu.guide.wecom.domain.WecomOutcomeUnknown;
import com.siyu.guide.wecom.domain.WecomRejected;
import com.siyu.guide.wecom.domain.WecomUnavailable;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import me.chanjar.weixin.common.error.WxRuntimeException;

/**
 * What WxJava's runtime failure of a creating call means. WxJava throws {@link WxRuntimeException} both when it
 * gives up retrying a busy WeCom (no cause: WeCom answered -1 every time, nothing was made) and around an
 * IOException. Only a failure to connect (refused, no route, unknown host, connect timeout) proves the request never
 * left; anything else (read timeout, reset, an empty answer) happened after it may have reached WeCom.
 */
final class WecomFailure {

    private WecomFailure() {
    }

    static RuntimeException ofCreate(WxRuntimeException e) {
        IOException io = io(e);
        if (io == null) {
            if (e.getCause() == null) {
                return new WecomRejected(-1, "WeCom stayed busy through WxJava's retries");
            }
            return new WecomOutcomeUnknown("WeCom's answer could not be read (" + e.getCause().getClass().getSimpleName() + ")");
        }
        if (beforeSending(io)) {
            return new WecomUnavailable("WeCom could not be reached (" + io.getClass().getSimpleName() + ")");
        }
        return new WecomOutcomeUnknown("no answer from WeCom after sending (" + io.getClass().getSimpleName() + ")");
    }

    private static IOException io(Throwable e) {
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof IOException io) {
                return io;
            }
        }
        return null;
    }

    private static boolean beforeSending(IOException io) {
        // Apache HttpClient's HttpHostConnectException is a ConnectException; its ConnectTimeoutException is matched by name
        return io instanceof ConnectException || io instanceof NoRouteToHostException || io instanceof UnknownHostException
                || io.getClass().getSimpleName().equals("ConnectTimeoutException") || io instanceof java.net.http.HttpConnectTimeoutException;
    }
}

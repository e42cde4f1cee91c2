package com.siyu.touchpoint.messaging.domain;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * What each channel takes per second ({@code siyu.touchpoint.channel-rates.<CHANNEL>}): sends are spaced evenly to it,
 * so a large campaign never runs into the channel's own limit (WeChat's and the SMS provider's per-account limits).
 */
@Component
@ConfigurationProperties("siyu.touchpoint")
public class ChannelRates {

    private Map<Channel, Integer> channelRates = new EnumMap<>(Channel.class);
    private final Map<Channel, Long> nextAt = new EnumMap<>(Channel.class);

    public Map<Channel, Integer> getChannelRates() {
        return channelRates;
    }

    public void setChannelRates(Map<Channel, Integer> channelRates) {
        this.channelRates = channelRates;
    }

    /** Waits until the channel may take one more send. */
    public void pace(Channel channel) {
        Integer perSecond = channelRates.get(channel);
        if (perSecond == null || perSecond <= 0) {
            return;
        }
        long spacing = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long wait;
        synchronized (nextAt) {
            long now = System.nanoTime();
            long at = Math.max(now, nextAt.getOrDefault(channel, now));
            nextAt.put(channel, at + spacing);
            wait = at - now;
        }
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
    }
}

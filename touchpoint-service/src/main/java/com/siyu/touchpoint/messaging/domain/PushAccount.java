package com.siyu.touchpoint.messaging.domain;

/**
 * A tenant's app at its push provider (JPush): the AppKey and Master Secret its REST API is called with, and whether
 * iOS pushes go to APNs' production environment (the app from the App Store) or its development one.
 */
public record PushAccount(String appKey, String masterSecret, boolean apnsProduction) {

    @Override
    public String toString() {
        return "PushAccount[" + appKey + ", secret hidden, apnsProduction=" + apnsProduction + "]";
    }
}

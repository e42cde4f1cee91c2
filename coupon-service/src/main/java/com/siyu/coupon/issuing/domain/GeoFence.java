package com.siyu.coupon.issuing.domain;

import com.siyu.common.feign.RemoteRejection;
import com.siyu.coupon.client.StoreClient;
import com.siyu.coupon.template.domain.CouponTemplate;
import com.siyu.coupon.template.domain.InvalidTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Geo-fenced claims: the shopper's client sends its position; the distance to the template's stores
 * (coordinates from member-service) is computed here, never trusted from the client.
 */
@Component
public class GeoFence {

    private static final Logger log = LoggerFactory.getLogger(GeoFence.class);

    private final StoreClient stores;

    public GeoFence(StoreClient stores) {
        this.stores = stores;
    }

    public void check(CouponTemplate template, GeoPoint where) {
        if (!template.geoFenced()) {
            return;
        }
        if (where == null) {
            throw new LocationRequired(template.id());
        }
        double nearest = Double.MAX_VALUE;
        for (long storeId : template.rules().scope().storeIds()) {
            StoreClient.StoreView store;
            try {
                store = stores.store(storeId);
            } catch (RemoteRejection gone) {
                log.warn("Store {} of geo-fenced template {} is unknown to member-service: {}", storeId, template.id(), gone.code());
                continue;
            }
            if (store.latitude() == null || store.longitude() == null) {
                continue;
            }
            nearest = Math.min(nearest, where.distanceMeters(new GeoPoint(store.latitude(), store.longitude())));
        }
        int radius = template.rules().geoRadiusMeters();
        if (nearest > radius) {
            throw new OutOfRange(template.id(), nearest == Double.MAX_VALUE ? -1 : Math.round(nearest), radius);
        }
    }

    /** At creation: every store of a geo-fenced template must be the tenant's and have coordinates. */
    public void checkStoresOf(CouponTemplate template) {
        if (!template.geoFenced()) {
            return;
        }
        for (long storeId : template.rules().scope().storeIds()) {
            StoreClient.StoreView store = stores.store(storeId);
            if (store.latitude() == null || store.longitude() == null) {
                throw new InvalidTemplate("Store " + storeId + " has no coordinates; a geo-fence cannot be drawn around it");
            }
            new GeoPoint(store.latitude(), store.longitude());
        }
    }
}

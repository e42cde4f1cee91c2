package com.siyu.member.tenant.api;

import com.siyu.member.tenant.domain.Store;
import java.math.BigDecimal;

public record StoreResponse(long id, String code, String name, String address, BigDecimal latitude, BigDecimal longitude) {

    static StoreResponse of(Store store) {
        return new StoreResponse(store.id(), store.code(), store.name(), store.address(), store.latitude(), store.longitude());
    }
}

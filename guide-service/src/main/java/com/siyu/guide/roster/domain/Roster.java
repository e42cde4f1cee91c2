package com.siyu.guide.roster.domain;

import com.siyu.common.problem.DomainException;
import com.siyu.guide.client.StoreClient;
import java.util.List;
import org.springframework.stereotype.Service;

/** The tenant's shopping guides, each attached to one of its stores. */
@Service
public class Roster {

    private final GuideRepository guides;
    private final StoreClient stores;

    public Roster(GuideRepository guides, StoreClient stores) {
        this.guides = guides;
        this.stores = stores;
    }

    public Guide enrol(long storeId, String name, String phone) {
        stores.store(storeId);
        return guides.insert(storeId, name, phone);
    }

    public Guide get(long id) {
        return guides.find(id).orElseThrow(() -> DomainException.notFound("Guide", id));
    }

    public List<Guide> list(Long storeId) {
        return guides.list(storeId);
    }
}

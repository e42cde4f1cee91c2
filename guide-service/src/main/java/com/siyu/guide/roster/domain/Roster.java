package com.siyu.guide.roster.domain;

import com.siyu.common.feign.RemoteRejection;
import com.siyu.common.problem.DomainException;
import com.siyu.common.reference.UnknownReference;
import com.siyu.guide.client.DirectoryClient;
import com.siyu.guide.client.StoreClient;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The tenant's shopping guides. A guide is a staff account with the GUIDE role, enrolled at one of the
 * tenant's stores (the account's own store, when it has one) and optionally a counter of that store.
 */
@Service
public class Roster {

    public static final String GUIDE_ROLE = "GUIDE";

    private final GuideRepository guides;
    private final StoreClient stores;
    private final DirectoryClient directory;

    public Roster(GuideRepository guides, StoreClient stores, DirectoryClient directory) {
        this.guides = guides;
        this.stores = stores;
        this.directory = directory;
    }

    public Guide enrol(NewGuide guide) {
        stores.store(guide.storeId());
        DirectoryClient.StaffRef staff = known("staffId", "Staff", guide.staffId(), () -> directory.staff(guide.staffId()));
        if (staff.roles() == null || !staff.roles().contains(GUIDE_ROLE)) {
            throw new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, "NOT_A_GUIDE_ACCOUNT",
                    "Staff account " + guide.staffId() + " does not have the GUIDE role");
        }
        if (staff.storeId() != null && staff.storeId() != guide.storeId()) {
            throw new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, "STAFF_OF_OTHER_STORE",
                    "Staff account " + guide.staffId() + " belongs to store " + staff.storeId() + ", not " + guide.storeId());
        }
        if (guide.merchantId() != null) {
            DirectoryClient.CounterRef counter = known("merchantId", "Merchant", guide.merchantId(), () -> directory.merchant(guide.merchantId()));
            if (counter.storeId() == null || counter.storeId() != guide.storeId()) {
                throw new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, "COUNTER_OF_OTHER_STORE",
                        "Counter " + guide.merchantId() + " is not in store " + guide.storeId());
            }
        }
        return guides.insert(guide);
    }

    public Guide get(long id) {
        return guides.find(id).orElseThrow(() -> DomainException.notFound("Guide", id));
    }

    /** The guide a signed-in staff account is (403 NOT_A_GUIDE when the account is not enrolled). */
    public Guide ofStaff(long staffId) {
        return guides.findByStaff(staffId).orElseThrow(() -> new DomainException(HttpStatus.FORBIDDEN, "NOT_A_GUIDE",
                "Your staff account is not enrolled as a guide of this tenant"));
    }

    public Optional<Guide> find(long id) {
        return guides.find(id);
    }

    public void changeStatus(long id, GuideStatus status) {
        guides.updateStatus(id, status);
    }

    public Optional<Guide> findOfStaff(long staffId) {
        return guides.findByStaff(staffId);
    }

    public Optional<Guide> findByWecomUser(String wecomUserId) {
        return guides.findByWecomUser(wecomUserId);
    }

    /** A level earned by guide points: raised, never lowered (an operator may still set it). */
    public boolean raiseLevel(long id, int level) {
        return guides.raiseLevel(id, level);
    }

    public List<Guide> list(Long storeId) {
        return guides.list(storeId);
    }

    private static <T> T known(String field, String kind, long id, Supplier<T> lookup) {
        try {
            return lookup.get();
        } catch (RuntimeException e) {
            if (RemoteRejection.in(e).filter(r -> r.status() == 404).isPresent()) {
                throw new UnknownReference(field, kind, id);
            }
            throw e;
        }
    }
}

package com.siyu.guide.wecom.domain;

import com.siyu.common.feign.RemoteRejection;
import com.siyu.common.problem.DomainException;
import com.siyu.guide.client.References;
import com.siyu.guide.client.StoreClient;
import com.siyu.guide.roster.domain.Guide;
import com.siyu.guide.roster.domain.GuideStatus;
import com.siyu.guide.roster.domain.Roster;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Contact codes (渠道活码 / 门店活码): one WeCom "contact me" QR code per channel, shared by the guides it names (a
 * STORE code: the store's active guides with a WeCom userid unless named). A shopper adding a guide through it comes
 * back with the code's state, so the binding records its channel; a shopper's location picks the nearest store's code.
 */
@Service
public class ContactCodes {

    /** WeCom's limit of members on one contact way. */
    static final int MAX_GUIDES = 100;

    private final ContactCodeRepository codes;
    private final WecomCorps corps;
    private final WecomApi wecom;
    private final Roster roster;
    private final References references;
    private final StoreClient stores;
    private final Clock clock;

    public ContactCodes(ContactCodeRepository codes, WecomCorps corps, WecomApi wecom, Roster roster, References references, StoreClient stores,
                        Clock clock) {
        this.codes = codes;
        this.corps = corps;
        this.wecom = wecom;
        this.roster = roster;
        this.references = references;
        this.stores = stores;
        this.clock = clock;
    }

    public record NewCode(ContactCode.Kind kind, String channel, Long storeId, List<Long> guideIds, String welcomeText, List<String> tags) {
    }

    public ContactCode create(NewCode request, Long staffId) {
        WecomCorp corp = corps.require();
        if (request.kind() == ContactCode.Kind.STORE) {
            if (request.storeId() == null) {
                throw new DomainException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "A STORE contact code names its storeId");
            }
            references.store("storeId", request.storeId());
        } else if (request.guideIds() == null || request.guideIds().isEmpty()) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "A CHANNEL contact code names its guideIds");
        }
        List<Guide> guides = guidesOf(request);
        long id;
        try {
            id = codes.create(request.kind(), request.channel(), request.storeId(), guides.stream().map(Guide::id).toList(), request.welcomeText(),
                    request.tags() == null ? List.of() : List.copyOf(new LinkedHashSet<>(request.tags())), staffId, clock.instant());
        } catch (DuplicateKeyException e) {
            throw new DomainException(HttpStatus.CONFLICT, "CONTACT_CODE_EXISTS", "This tenant already has a contact code for channel " + request.channel());
        }
        try {
            WecomApi.ContactWay way = wecom.addContactWay(corp, ContactCode.STATE_PREFIX + id, guides.stream().map(Guide::wecomUserId).toList(),
                    request.channel());
            codes.issued(id, way.configId(), way.qrCode());
        } catch (WecomRejected e) {
            codes.delete(id);
            throw WecomFailures.problem(e);
        } catch (WecomUnavailable e) {
            codes.delete(id);
            throw WecomFailures.problem(e);
        }
        return codes.find(id).orElseThrow();
    }

    private List<Guide> guidesOf(NewCode request) {
        List<Guide> guides = new ArrayList<>();
        if (request.guideIds() == null || request.guideIds().isEmpty()) {
            roster.list(request.storeId()).stream().filter(g -> g.status() == GuideStatus.ACTIVE && g.wecomUserId() != null).forEach(guides::add);
            if (guides.isEmpty()) {
                throw new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, "STORE_HAS_NO_WECOM_GUIDES",
                        "Store " + request.storeId() + " has no active guide with a WeCom userid");
            }
        } else {
            for (long id : new LinkedHashSet<>(request.guideIds())) {
                Guide guide = roster.find(id).orElseThrow(() -> new com.siyu.common.reference.UnknownReference("guideIds", "Guide", id));
                if (guide.status() != GuideStatus.ACTIVE || guide.wecomUserId() == null) {
                    throw new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, "GUIDE_NOT_ON_WECOM",
                            "Guide " + id + " cannot be on a contact code: " + (guide.status() != GuideStatus.ACTIVE ? "it is " + guide.status()
                                    : "it has no WeCom userid"));
                }
                if (request.storeId() != null && guide.storeId() != request.storeId()) {
                    throw new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, "GUIDE_NOT_IN_STORE",
                            "Guide " + id + " is not at store " + request.storeId());
                }
                guides.add(guide);
            }
        }
        if (guides.size() > MAX_GUIDES) {
            throw new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, "TOO_MANY_GUIDES", "WeCom takes at most " + MAX_GUIDES + " guides on one contact code");
        }
        return guides;
    }

    public List<ContactCode> list(ContactCode.Kind kind, Long storeId) {
        return codes.list(kind, storeId);
    }

    public record Nearest(ContactCode code, StoreClient.StoreView store, long distanceMeters) {
    }

    /** The STORE code of the store nearest to the shopper (stores without coordinates are not candidates). */
    public Nearest nearest(double latitude, double longitude) {
        Optional<Nearest> best = Optional.empty();
        for (ContactCode code : codes.list(ContactCode.Kind.STORE, null)) {
            if (code.qrCode() == null) {
                continue;
            }
            StoreClient.StoreView store;
            try {
                store = stores.store(code.storeId());
            } catch (RuntimeException e) {
                if (RemoteRejection.in(e).isPresent()) {
                    continue;
                }
                throw e;
            }
            if (store.latitude() == null || store.longitude() == null) {
                continue;
            }
            long meters = Math.round(distance(latitude, longitude, store.latitude().doubleValue(), store.longitude().doubleValue()));
            if (best.isEmpty() || meters < best.get().distanceMeters()) {
                best = Optional.of(new Nearest(code, store, meters));
            }
        }
        return best.orElseThrow(() -> new DomainException(HttpStatus.NOT_FOUND, "NO_STORE_CONTACT_CODE",
                "This mall has no store contact code at a store with a location"));
    }

    /** Great-circle distance in meters (haversine). */
    static double distance(double lat1, double lng1, double lat2, double lng2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLng = Math.toRadians(lng2 - lng1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLng / 2) * Math.sin(dLng / 2);
        return 2 * 6_371_000 * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}

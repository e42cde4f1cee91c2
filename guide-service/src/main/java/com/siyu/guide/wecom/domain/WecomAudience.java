package com.siyu.guide.wecom.domain;

import com.siyu.common.context.Caller;
import com.siyu.common.problem.DomainException;
import com.siyu.guide.client.References;
import com.siyu.guide.roster.domain.Guide;
import com.siyu.guide.roster.domain.GuideScope;
import com.siyu.guide.roster.domain.GuideStatus;
import com.siyu.guide.roster.domain.Roster;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The guides a group message or moment goes through: the ACTIVE guides of the given stores, of the chosen guides,
 * or of the whole tenant — within what the caller sees (a manager placed at a store: that store's only). Guides
 * without a WeCom userid are part of it (recorded NO_WECOM_USER), so the operator sees who was left out.
 */
@Component
public class WecomAudience {

    public static final int MAX_GUIDES = 10_000;

    private final Roster roster;
    private final References references;

    public WecomAudience(Roster roster, References references) {
        this.roster = roster;
        this.references = references;
    }

    /** The audience's guides and the stores it was limited to (null: every store). */
    public record Resolved(List<Guide> guides, List<Long> storeIds) {
    }

    public Resolved resolve(Caller staff, List<Long> storeIds, List<Long> guideIds) {
        boolean byStore = storeIds != null && !storeIds.isEmpty();
        boolean byGuide = guideIds != null && !guideIds.isEmpty();
        if (byStore && byGuide) {
            throw WecomContent.invalid("guideIds", "name stores or guides, not both");
        }
        Long ownStore = GuideScope.storeOf(staff);
        Map<Long, Guide> guides = new LinkedHashMap<>();
        List<Long> stores = null;
        if (byGuide) {
            if (guideIds.size() > MAX_GUIDES) {
                throw WecomContent.invalid("guideIds", "at most " + MAX_GUIDES + " guides");
            }
            for (int i = 0; i < guideIds.size(); i++) {
                String field = "guideIds[" + i + "]";
                Long id = guideIds.get(i);
                Optional<Guide> guide = id == null ? Optional.empty() : roster.find(id).filter(g -> GuideScope.sees(staff, g));
                if (guide.isEmpty()) {
                    throw new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, "UNKNOWN_GUIDE", field + " " + id + " is not a guide you manage",
                            Map.of("errors", List.of(Map.of("field", field, "message", "is not a guide you manage"))));
                }
                if (guide.get().status() != GuideStatus.ACTIVE) {
                    throw new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, "GUIDE_NOT_ACTIVE", field + " " + id + " is " + guide.get().status(),
                            Map.of("errors", List.of(Map.of("field", field, "message", "is not an active guide"))));
                }
                guides.put(id, guide.get());
            }
        } else {
            List<Long> asked = byStore ? List.copyOf(new LinkedHashSet<>(storeIds)) : ownStore == null ? null : List.of(ownStore);
            if (asked == null) {
                roster.list(null).forEach(g -> guides.put(g.id(), g));
            } else {
                for (int i = 0; i < asked.size(); i++) {
                    String field = "storeIds[" + i + "]";
                    Long store = asked.get(i);
                    if (store == null) {
                        throw WecomContent.invalid(field, "must not be null");
                    }
                    if (ownStore != null && !ownStore.equals(store)) {
                        throw new DomainException(HttpStatus.FORBIDDEN, "OTHER_STORE", field + " " + store + ": you send through your own store's guides only",
                                Map.of("errors", List.of(Map.of("field", field, "message", "is not your store"))));
                    }
                    references.store(field, store);
                    roster.list(store).forEach(g -> guides.put(g.id(), g));
                }
                stores = asked;
            }
        }
        List<Guide> active = new ArrayList<>(guides.values().stream().filter(g -> g.status() == GuideStatus.ACTIVE).toList());
        if (active.isEmpty()) {
            throw new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, "NO_ACTIVE_GUIDES", "The audience has no active guide");
        }
        if (active.size() > MAX_GUIDES) {
            throw new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, "TOO_MANY_GUIDES",
                    "The audience has " + active.size() + " guides; WeCom takes at most " + MAX_GUIDES + " (name stores)");
        }
        return new Resolved(active, stores);
    }
}

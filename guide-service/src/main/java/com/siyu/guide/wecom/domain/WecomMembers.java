package com.siyu.guide.wecom.domain;

import com.siyu.common.feign.RemoteRejection;
import com.siyu.guide.client.MemberClient;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Who a WeCom external contact is, in member-service's identity graph: the external id recorded before, else the
 * unionid (given, or asked of WeCom), which records the external id on the member. Null when nobody is known.
 */
@Component
public class WecomMembers {

    private final MemberClient members;
    private final WecomApi wecom;

    public WecomMembers(MemberClient members, WecomApi wecom) {
        this.members = members;
        this.wecom = wecom;
    }

    /** {@code unionId}: when WeCom already gave it (a group member's detail); null asks WeCom for the contact. */
    public Long memberOf(WecomCorp corp, String externalUserId, String unionId) {
        Optional<Long> known = lookup(new MemberClient.WecomContactQuery(corp.corpId(), externalUserId, null));
        if (known.isPresent()) {
            return known.get();
        }
        Optional<String> union = unionId != null && !unionId.isBlank() ? Optional.of(unionId) : wecom.unionIdOf(corp, externalUserId);
        return union.flatMap(id -> lookup(new MemberClient.WecomContactQuery(corp.corpId(), externalUserId, id))).orElse(null);
    }

    /**
     * Tags the member with a contact code's tags (member-service manual tags, applied idempotently). A tag member-service
     * refuses (a rule tag of that name, a name it does not take) is reported, not retried; member-service down fails the call.
     */
    public String tag(long memberId, java.util.List<String> tags) {
        java.util.List<String> refused = new java.util.ArrayList<>();
        for (String tag : tags) {
            try {
                members.tag(memberId, new MemberClient.TagRequest(tag));
            } catch (RuntimeException e) {
                if (RemoteRejection.in(e).filter(r -> java.util.Set.of(400, 404, 409, 422).contains(r.status())).isEmpty()) {
                    throw e;
                }
                refused.add(tag);
            }
        }
        return refused.isEmpty() ? "tagged " + tags.size() : "tagged " + (tags.size() - refused.size()) + ", refused " + String.join("/", refused);
    }

    private Optional<Long> lookup(MemberClient.WecomContactQuery query) {
        try {
            return Optional.of(members.wecomContact(query).id());
        } catch (RuntimeException e) {
            if (RemoteRejection.in(e).filter(r -> r.status() == 404).isPresent()) {
                return Optional.empty();
            }
            throw e;
        }
    }
}

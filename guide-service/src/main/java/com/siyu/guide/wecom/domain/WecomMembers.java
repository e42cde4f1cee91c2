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

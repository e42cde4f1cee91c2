package com.siyu.member.member.domain;

import com.siyu.common.problem.DomainException;
import com.siyu.member.tenant.domain.TenantRepository;
import org.springframework.stereotype.Service;

/** One member per phone per tenant, whichever store the shopper walks into. */
@Service
public class Members {

    private final MemberRepository members;
    private final TenantRepository tenants;

    public Members(MemberRepository members, TenantRepository tenants) {
        this.members = members;
        this.tenants = tenants;
    }

    /**
     * Registers the shopper at a counter by phone, or finds the member that phone already belongs to
     * (so a second store registering the same shopper gets the same member). Safe under concurrency:
     * the unique (tenant, phone) key decides, never a read-then-insert.
     */
    public Registration register(Phone phone, String nickname, Long storeId) {
        if (storeId != null) {
            tenants.store(storeId).orElseThrow(() -> DomainException.notFound("Store", storeId));
        }
        return members.insertIfAbsent(phone, nickname, FunnelStage.REGISTERED, storeId)
                .map(member -> new Registration(member, true))
                .orElseGet(() -> new Registration(members.findByPhone(phone).orElseThrow(), false));
    }

    public Member get(long id) {
        return members.findById(id).orElseThrow(() -> DomainException.notFound("Member", id));
    }
}

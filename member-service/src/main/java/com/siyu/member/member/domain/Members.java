package com.siyu.member.member.domain;

import com.siyu.common.problem.DomainException;
import com.siyu.member.identity.domain.Identity;
import com.siyu.member.identity.domain.IdentityKind;
import com.siyu.member.identity.domain.IdentityRepository;
import com.siyu.member.tenant.domain.TenantRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** One member per person per tenant, whichever store or channel the shopper comes through. */
@Service
public class Members {

    private final MemberRepository members;
    private final IdentityRepository identities;
    private final TenantRepository tenants;
    private final TransactionTemplate tx;

    public Members(MemberRepository members, IdentityRepository identities, TenantRepository tenants, TransactionTemplate tx) {
        this.members = members;
        this.identities = identities;
        this.tenants = tenants;
        this.tx = tx;
    }

    /**
     * Registers the shopper at a counter by phone, or finds the member that phone already belongs to
     * (so a second store registering the same shopper gets the same member). Safe under concurrency:
     * the unique identity key decides, never a read-then-insert.
     */
    public Registration register(Phone phone, String nickname, Long storeId) {
        if (storeId != null) {
            tenants.store(storeId).orElseThrow(() -> DomainException.notFound("Store", storeId));
        }
        Identity byPhone = Identity.of(IdentityKind.PHONE, "", phone.value());
        Registration created = tx.execute(status -> {
            long id = members.insert(phone, nickname, FunnelStage.REGISTERED, storeId);
            if (!identities.attach(id, byPhone)) {
                status.setRollbackOnly();
                return null;
            }
            return new Registration(get(id), true);
        });
        if (created != null) {
            return created;
        }
        long owner = identities.ownerOf(IdentityKind.PHONE, "", phone.value()).orElseThrow();
        return new Registration(get(owner), false);
    }

    /** Creates a member known so far only by the given identities (a first mini-program login); empty if one is taken. */
    public java.util.Optional<Member> createWith(FunnelStage stage, Identity... known) {
        return java.util.Optional.ofNullable(tx.execute(status -> {
            long id = members.insert(null, null, stage, null);
            for (Identity identity : known) {
                if (!identities.attach(id, identity)) {
                    status.setRollbackOnly();
                    return null;
                }
            }
            return get(id);
        }));
    }

    public Member get(long id) {
        return members.findById(id).orElseThrow(() -> DomainException.notFound("Member", id));
    }

    /** Which of {@code ids} are active members of the caller's tenant (a batch's audience is checked in one call). */
    public java.util.Set<Long> activeAmong(java.util.Collection<Long> ids) {
        return members.activeAmong(ids);
    }

    /** The active members among {@code ids} last seen (visit, else registration) before {@code since}, with when. */
    public java.util.Map<Long, java.time.Instant> dormantAmong(java.util.Collection<Long> ids, java.time.Instant since) {
        return members.dormantAmong(ids, since);
    }

    /** The active members among {@code ids} with a birthday on one of {@code days}, with the birthday (guide-service's birthday tasks). */
    public java.util.Map<Long, java.time.LocalDate> birthdaysAmong(java.util.Collection<Long> ids, java.util.Collection<java.time.MonthDay> days) {
        return members.birthdaysAmong(ids, days);
    }

    public java.util.List<MemberRepository.Contact> contactsAmong(java.util.Collection<Long> ids) {
        return members.contactsAmong(ids);
    }

    /**
     * Sets the member's birthday. The shopper gives it once (birthday rewards would otherwise invite a new birthday every
     * month): a different one after that is 409 BIRTHDAY_ALREADY_SET and staff correct it. Setting the same one again is a no-op.
     */
    public Member setBirthday(long id, java.time.LocalDate birthday, boolean byShopper) {
        if (birthday.isBefore(java.time.LocalDate.of(1900, 1, 1))) {
            throw new DomainException(org.springframework.http.HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "birthday is before 1900");
        }
        if (!members.setBirthday(id, birthday, byShopper)) {
            Member member = get(id);
            if (!member.isActive()) {
                throw new DomainException(org.springframework.http.HttpStatus.CONFLICT, "MEMBER_NOT_ACTIVE", "Member " + id + " is " + member.status());
            }
            throw new DomainException(org.springframework.http.HttpStatus.CONFLICT, "BIRTHDAY_ALREADY_SET",
                    "The birthday is set already; ask the service desk to correct it");
        }
        return get(id);
    }

    /** The member as seen by other services: a merged member resolves to the one it was merged into. */
    public Member resolve(long id) {
        Member member = get(id);
        for (int hops = 0; !member.isActive() && member.mergedInto() != null && hops < 8; hops++) {
            member = get(member.mergedInto());
        }
        return member;
    }
}

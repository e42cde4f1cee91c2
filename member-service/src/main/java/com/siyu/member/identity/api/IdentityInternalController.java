package com.siyu.member.identity.api;

import com.siyu.common.context.CallerContext;
import com.siyu.common.problem.DomainException;
import com.siyu.member.identity.domain.Identities;
import com.siyu.member.identity.domain.Identity;
import com.siyu.member.identity.domain.IdentityKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * For other services: one id of a member in a channel, e.g. payment-service asking for the member's
 * openid in the mini-program WeChat Pay charges (the payer is never taken from the client).
 */
@RestController
class IdentityInternalController {

    private final Identities identities;

    IdentityInternalController(Identities identities) {
        this.identities = identities;
    }

    @GetMapping("/internal/members/{id}/identities/{kind}")
    ChannelIdResponse one(@PathVariable long id, @PathVariable IdentityKind kind, @RequestParam(defaultValue = "") String scope) {
        CallerContext.requireTenant();
        Identity identity = identities.of(id).stream()
                .filter(i -> i.kind() == kind && i.scope().equals(scope))
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("Identity " + kind + " (" + scope + ") of member", id));
        return new ChannelIdResponse(id, identity.kind().name(), identity.scope(), identity.value(), identity.verified());
    }

    /**
     * The member a counter's POS names by phone, member card or another channel id (points-service's POS
     * earning): 404 when this tenant has no such member.
     */
    @GetMapping("/internal/members/lookup")
    MemberRef lookup(@RequestParam IdentityKind kind, @RequestParam(defaultValue = "") String scope, @RequestParam String value) {
        CallerContext.requireTenant();
        return new MemberRef(identities.lookup(kind, scope.isEmpty() ? null : scope, value).id());
    }

    /** guide-service's WeCom callbacks: the member behind an external contact (by its id, else its unionid), 404 if unknown. */
    @PostMapping("/internal/members/wecom-contacts")
    MemberRef wecomContact(@Valid @RequestBody WecomContact contact) {
        CallerContext.requireTenant();
        return new MemberRef(identities.resolveWecomContact(contact.corpId(), contact.externalUserId(), contact.unionId()).id());
    }

    /** touchpoint-service's official-account subscribe events: the member behind the follower (by openid, else unionid), 404 if unknown. */
    @PostMapping("/internal/members/mp-followers")
    MemberRef mpFollower(@Valid @RequestBody MpFollower follower) {
        CallerContext.requireTenant();
        return new MemberRef(identities.resolveMpFollower(follower.appId(), follower.openId(), follower.unionId()).id());
    }

    record MpFollower(@NotBlank @Size(max = 64) String appId, @NotBlank @Size(max = 128) String openId, @Size(max = 128) String unionId) {
    }

    record WecomContact(@NotBlank @Size(max = 64) String corpId, @NotBlank @Size(max = 128) String externalUserId,
                        @Size(max = 128) String unionId) {
    }

    record MemberRef(long id) {
    }

    /** Unmasked: only ever answered to other services (never routed by the gateway). */
    record ChannelIdResponse(long memberId, String kind, String scope, String value, boolean verified) {
    }

    record MpOpenIdsRequest(@jakarta.validation.constraints.NotNull @Size(min = 1, max = 500) java.util.List<@jakarta.validation.constraints.NotNull
            @jakarta.validation.constraints.Positive Long> ids, @NotBlank @Size(max = 64) String appId) {
    }

    record MpOpenId(long memberId, String openId) {
    }

    /** touchpoint-service's official-account messages: each member's openid in that official account (those that have one). */
    @PostMapping("/internal/members/mp-openids")
    java.util.List<MpOpenId> mpOpenIds(@Valid @RequestBody MpOpenIdsRequest request) {
        CallerContext.requireTenant();
        java.util.List<MpOpenId> found = new java.util.ArrayList<>();
        for (long memberId : request.ids()) {
            java.util.List<Identity> of;
            try {
                of = identities.of(memberId);
            } catch (DomainException notThisTenants) {
                continue;
            }
            of.stream().filter(i -> i.kind() == IdentityKind.MP_OPENID && request.appId().equals(i.scope())).findFirst()
                    .ifPresent(i -> found.add(new MpOpenId(memberId, i.value())));
        }
        return found;
    }
}

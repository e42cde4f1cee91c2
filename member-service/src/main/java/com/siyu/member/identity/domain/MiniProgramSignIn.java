package com.siyu.member.identity.domain;

import com.siyu.common.context.CallerContext;
import com.siyu.common.problem.DomainException;
import com.siyu.member.member.domain.FunnelStage;
import com.siyu.member.member.domain.Member;
import com.siyu.member.member.domain.Members;
import com.siyu.member.staff.domain.TenantSuspended;
import com.siyu.member.tenant.domain.Tenant;
import com.siyu.member.tenant.domain.TenantRepository;
import com.siyu.member.token.domain.IssuedSession;
import com.siyu.member.token.domain.Sessions;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Mini-program login: the wx.login code is exchanged with WeChat for the openid (and unionid), which
 * find the member or create one (a walk-in until a phone is bound). The same unionid seen on two
 * members means one person: they are merged.
 */
@Service
public class MiniProgramSignIn {

    public record Result(IssuedSession session, long memberId, boolean newMember) {
    }

    private final TenantRepository tenants;
    private final WeChatMiniProgram weChat;
    private final IdentityRepository identities;
    private final Members members;
    private final MemberMerges merges;
    private final SessionKeys sessionKeys;
    private final Sessions sessions;

    public MiniProgramSignIn(TenantRepository tenants, WeChatMiniProgram weChat, IdentityRepository identities, Members members,
                             MemberMerges merges, SessionKeys sessionKeys, Sessions sessions) {
        this.tenants = tenants;
        this.weChat = weChat;
        this.identities = identities;
        this.members = members;
        this.merges = merges;
        this.sessionKeys = sessionKeys;
        this.sessions = sessions;
    }

    /**
     * Signs in through the mini-program {@code appId} names: its tenant is the one that onboarded that
     * mini-program (the request's only claim to a tenant, checked against WeChat by the code exchange).
     */
    public Result signIn(String appId, String code) {
        Tenant tenant = tenants.findByMiniappAppId(appId)
                .orElseThrow(() -> new DomainException(HttpStatus.BAD_REQUEST, "UNKNOWN_MINIAPP", "No mall uses the mini-program " + appId));
        if (!tenant.isActive()) {
            throw new TenantSuspended();
        }
        return CallerContext.callAs(com.siyu.common.context.Caller.system(tenant.id()), () -> signIn(tenant, code));
    }

    private Result signIn(Tenant tenant, String code) {
        MiniApp app = miniApp(tenant);
        WeChatSession session = weChat.exchange(app, code);
        Identity openId = Identity.of(IdentityKind.MINIAPP_OPENID, app.appId(), session.openId()).asVerified();
        Identity unionId = session.unionId() == null ? null : Identity.of(IdentityKind.UNIONID, "", session.unionId()).asVerified();

        boolean created = false;
        Optional<Long> byOpenId = identities.ownerOf(IdentityKind.MINIAPP_OPENID, app.appId(), session.openId());
        Optional<Long> byUnionId = unionId == null ? Optional.empty() : identities.ownerOf(IdentityKind.UNIONID, "", session.unionId());
        long memberId;
        if (byOpenId.isPresent()) {
            memberId = byOpenId.get();
            if (unionId != null) {
                memberId = joinUnionId(memberId, byUnionId, unionId);
            }
        } else if (byUnionId.isPresent()) {
            memberId = byUnionId.get();
            if (!identities.attach(memberId, openId)) {
                memberId = identities.ownerOf(IdentityKind.MINIAPP_OPENID, app.appId(), session.openId()).orElseThrow();
            }
        } else {
            Optional<Member> fresh = unionId == null
                    ? members.createWith(FunnelStage.WALK_IN, openId)
                    : members.createWith(FunnelStage.WALK_IN, openId, unionId);
            if (fresh.isPresent()) {
                memberId = fresh.get().id();
                created = true;
            } else {
                // a concurrent first login of the same shopper created the member a moment ago
                memberId = identities.ownerOf(IdentityKind.MINIAPP_OPENID, app.appId(), session.openId())
                        .or(() -> unionId == null ? Optional.empty() : identities.ownerOf(IdentityKind.UNIONID, "", session.unionId()))
                        .orElseThrow(() -> new DomainException(HttpStatus.CONFLICT, "LOGIN_RACE", "Please retry the login"));
            }
        }
        memberId = members.resolve(memberId).id();
        sessionKeys.save(memberId, app.appId(), session.sessionKey());
        return new Result(sessions.forMember(tenant.id(), memberId), memberId, created);
    }

    /** The openid's member also gets the unionid; if another member already has it, the two are one person. */
    private long joinUnionId(long memberId, Optional<Long> unionOwner, Identity unionId) {
        if (unionOwner.isEmpty()) {
            identities.attach(memberId, unionId);
            return memberId;
        }
        if (unionOwner.get() == memberId) {
            return memberId;
        }
        long survivor = Math.min(memberId, unionOwner.get());
        long merged = Math.max(memberId, unionOwner.get());
        merges.merge(survivor, merged, "same WeChat unionid", "system:unionid");
        return survivor;
    }

    Tenant currentTenant() {
        long tenantId = CallerContext.requireTenant();
        Tenant tenant = tenants.findById(tenantId).orElseThrow(() -> DomainException.notFound("Tenant", tenantId));
        if (!tenant.isActive()) {
            throw new TenantSuspended();
        }
        return tenant;
    }

    static MiniApp miniApp(Tenant tenant) {
        if (tenant.miniappAppId() == null || tenant.miniappSecret() == null) {
            throw new DomainException(HttpStatus.CONFLICT, "MINIAPP_NOT_CONFIGURED", "This tenant has no mini-program configured");
        }
        return new MiniApp(tenant.miniappAppId(), tenant.miniappSecret());
    }
}

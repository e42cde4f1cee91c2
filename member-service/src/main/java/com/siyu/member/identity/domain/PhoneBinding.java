package com.siyu.member.identity.domain;

import com.siyu.common.problem.DomainException;
import com.siyu.member.member.domain.Member;
import com.siyu.member.member.domain.MemberRepository;
import com.siyu.member.member.domain.Members;
import com.siyu.member.member.domain.Phone;
import com.siyu.member.tenant.domain.Tenant;
import com.siyu.member.token.domain.IssuedSession;
import com.siyu.member.token.domain.Sessions;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Binds the phone WeChat vouches for to the signed-in member. A walk-in becomes a registered member.
 * If the phone already belongs to another member (e.g. registered at a counter), the shopper has just
 * proved it is theirs: the two are merged into the member that held the phone, and the client gets a
 * session for it.
 */
@Service
public class PhoneBinding {

    public record Result(long memberId, String maskedPhone, boolean merged, IssuedSession session) {
    }

    private final MiniProgramSignIn signIn;
    private final WeChatMiniProgram weChat;
    private final SessionKeys sessionKeys;
    private final IdentityRepository identities;
    private final MemberRepository memberRows;
    private final Members members;
    private final MemberMerges merges;
    private final Sessions sessions;

    public PhoneBinding(MiniProgramSignIn signIn, WeChatMiniProgram weChat, SessionKeys sessionKeys, IdentityRepository identities,
                        MemberRepository memberRows, Members members, MemberMerges merges, Sessions sessions) {
        this.signIn = signIn;
        this.weChat = weChat;
        this.sessionKeys = sessionKeys;
        this.identities = identities;
        this.memberRows = memberRows;
        this.members = members;
        this.merges = merges;
        this.sessions = sessions;
    }

    public Result bindEncrypted(long memberId, String encryptedData, String iv) {
        Tenant tenant = signIn.currentTenant();
        MiniApp app = MiniProgramSignIn.miniApp(tenant);
        String sessionKey = sessionKeys.find(memberId, app.appId()).orElseThrow(() -> new DomainException(HttpStatus.CONFLICT,
                "MINIAPP_SESSION_MISSING", "No mini-program login for this member yet; call the login first"));
        return bind(tenant, memberId, new Phone(weChat.decryptPhone(app, sessionKey, encryptedData, iv)));
    }

    public Result bindByCode(long memberId, String phoneCode) {
        Tenant tenant = signIn.currentTenant();
        return bind(tenant, memberId, new Phone(weChat.phoneByCode(MiniProgramSignIn.miniApp(tenant), phoneCode)));
    }

    private Result bind(Tenant tenant, long memberId, Phone phone) {
        Member member = members.get(memberId);
        if (!member.isActive()) {
            throw new DomainException(HttpStatus.CONFLICT, "MEMBER_NOT_ACTIVE", "This member was merged into another one; log in again");
        }
        Identity verified = Identity.of(IdentityKind.PHONE, "", phone.value()).asVerified();
        long owner = identities.ownerOf(IdentityKind.PHONE, "", phone.value()).orElse(memberId);
        if (owner == memberId) {
            if (!identities.attach(memberId, verified)) {
                identities.markVerified(memberId, IdentityKind.PHONE, "", phone.value());
            }
            memberRows.bindPhone(memberId, phone);
            return new Result(memberId, phone.masked(), false, null);
        }
        merges.merge(owner, memberId, "verified phone " + phone.masked() + " bound in the mini-program", "system:phone");
        identities.markVerified(owner, IdentityKind.PHONE, "", phone.value());
        memberRows.bindPhone(owner, phone);
        return new Result(owner, phone.masked(), true, sessions.forMember(tenant.id(), owner));
    }
}

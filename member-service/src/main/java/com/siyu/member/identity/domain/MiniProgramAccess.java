package com.siyu.member.identity.domain;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * What the services that message shoppers through the tenant's mini-program need from member-service: the app's access
 * token (one holder of it for the whole suite) and the members' openids in that app.
 */
@Service
public class MiniProgramAccess {

    private final MiniProgramSignIn signIn;
    private final WeChatMiniProgram weChat;
    private final IdentityRepository identities;

    public MiniProgramAccess(MiniProgramSignIn signIn, WeChatMiniProgram weChat, IdentityRepository identities) {
        this.signIn = signIn;
        this.weChat = weChat;
        this.identities = identities;
    }

    public record Token(String appId, String accessToken) {
    }

    public Token token() {
        MiniApp app = MiniProgramSignIn.miniApp(signIn.currentTenant());
        return new Token(app.appId(), weChat.accessToken(app));
    }

    /** The openid in the tenant's mini-program of each of the members that has one. */
    public Map<Long, String> openIds(Collection<Long> memberIds) {
        MiniApp app = MiniProgramSignIn.miniApp(signIn.currentTenant());
        Map<Long, String> found = new LinkedHashMap<>();
        for (long memberId : memberIds) {
            identities.of(memberId).stream()
                    .filter(i -> i.kind() == IdentityKind.MINIAPP_OPENID && app.appId().equals(i.scope()))
                    .findFirst().ifPresent(i -> found.put(memberId, i.value()));
        }
        return found;
    }
}

package com.siyu.member.identity.api;

import com.siyu.common.context.Caller;
import com.siyu.common.context.CallerContext;
import com.siyu.common.problem.DomainException;
import com.siyu.member.identity.domain.MiniProgramSignIn;
import com.siyu.member.identity.domain.PhoneBinding;
import com.siyu.member.member.api.MemberResponse;
import com.siyu.member.member.domain.Members;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The shopper's own identity: mini-program login (anonymous; the gateway resolves the tenant from the app id) and phone binding. */
@RestController
class ShopperIdentityController {

    private final MiniProgramSignIn signIn;
    private final PhoneBinding phones;
    private final Members members;

    ShopperIdentityController(MiniProgramSignIn signIn, PhoneBinding phones, Members members) {
        this.signIn = signIn;
        this.phones = phones;
        this.members = members;
    }

    @PostMapping("/api/v1/member/mini-program-sessions")
    @ResponseStatus(HttpStatus.CREATED)
    MemberSessionResponse login(@Valid @RequestBody MiniProgramSessionRequest request) {
        MiniProgramSignIn.Result result = signIn.signIn(request.code());
        return MemberSessionResponse.of(result.session(), result.memberId(), result.newMember());
    }

    @PostMapping("/api/v1/member/me/phone")
    BindPhoneResponse bindPhone(@Valid @RequestBody BindPhoneRequest request) {
        long memberId = memberId();
        PhoneBinding.Result result = request.phoneCode() != null && !request.phoneCode().isBlank()
                ? phones.bindByCode(memberId, request.phoneCode())
                : phones.bindEncrypted(memberId, request.encryptedData(), request.iv());
        return BindPhoneResponse.of(result);
    }

    @GetMapping("/api/v1/member/me")
    MemberResponse me() {
        return MemberResponse.of(members.get(memberId()));
    }

    private static long memberId() {
        Caller caller = CallerContext.current();
        if (!caller.isMember() || !caller.hasTenant()) {
            throw new DomainException(HttpStatus.UNAUTHORIZED, "MEMBER_TOKEN_REQUIRED", "Sign in with the mini-program first");
        }
        return caller.memberId();
    }
}

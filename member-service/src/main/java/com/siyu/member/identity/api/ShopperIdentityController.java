package com.siyu.member.identity.api;

import com.siyu.common.context.Caller;
import com.siyu.common.context.CallerContext;
import com.siyu.common.context.SiyuHeaders;
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

/** The shopper's own identity: mini-program login (anonymous; the tenant is the one whose mini-program the app id header names) and phone binding. */
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
    MemberSessionResponse login(@org.springframework.web.bind.annotation.RequestHeader(name = SiyuHeaders.MINIAPP_APP_ID, required = false) String appId,
                                @Valid @RequestBody MiniProgramSessionRequest request) {
        if (appId == null || !appId.matches("[A-Za-z0-9_-]{1,32}")) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "MINIAPP_APP_ID_REQUIRED",
                    "Mini-program login needs the " + SiyuHeaders.MINIAPP_APP_ID + " header (the mini-program's app id)");
        }
        MiniProgramSignIn.Result result = signIn.signIn(appId, request.code());
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

    record BirthdayRequest(@jakarta.validation.constraints.NotNull @jakarta.validation.constraints.Past java.time.LocalDate birthday) {
    }

    /** The shopper gives their birthday once (yyyy-MM-dd); the same again is a no-op, another one 409 BIRTHDAY_ALREADY_SET. */
    @org.springframework.web.bind.annotation.PutMapping("/api/v1/member/me/birthday")
    MemberResponse birthday(@Valid @RequestBody BirthdayRequest request) {
        return MemberResponse.of(members.setBirthday(memberId(), request.birthday(), true));
    }

    private static long memberId() {
        Caller caller = CallerContext.current();
        if (!caller.isMember() || !caller.hasTenant()) {
            throw new DomainException(HttpStatus.UNAUTHORIZED, "MEMBER_TOKEN_REQUIRED", "Sign in with the mini-program first");
        }
        return caller.memberId();
    }
}

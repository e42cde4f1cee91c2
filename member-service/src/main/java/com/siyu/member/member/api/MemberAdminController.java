package com.siyu.member.member.api;

import com.siyu.common.web.StaffOnly;
import com.siyu.member.member.domain.Members;
import com.siyu.member.member.domain.Phone;
import com.siyu.member.member.domain.Registration;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/admin/v1/member/members")
class MemberAdminController {

    private final Members members;

    MemberAdminController(Members members) {
        this.members = members;
    }

    /** A counter registers a shopper by phone: 201 with a new member, 200 with the one that phone already has. */
    @PostMapping
    ResponseEntity<MemberResponse> register(@Valid @RequestBody RegisterMemberRequest request) {
        StaffOnly.require("TENANT_ADMIN", "OPERATOR", "CASHIER", "GUIDE", "MANAGER");
        Registration registration = members.register(new Phone(request.phone()), request.nickname(), request.storeId());
        MemberResponse body = MemberResponse.of(registration.member());
        return ResponseEntity.status(registration.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/admin/v1/member/members/" + body.id()))
                .body(body);
    }

    record BirthdayRequest(@jakarta.validation.constraints.NotNull @jakarta.validation.constraints.Past java.time.LocalDate birthday) {
    }

    /** The service desk sets or corrects a member's birthday (yyyy-MM-dd). */
    @org.springframework.web.bind.annotation.PutMapping("/{id}/birthday")
    MemberResponse birthday(@PathVariable long id, @Valid @RequestBody BirthdayRequest request) {
        StaffOnly.require("TENANT_ADMIN", "OPERATOR", "MANAGER");
        return MemberResponse.of(members.setBirthday(id, request.birthday(), false));
    }

    @GetMapping("/{id}")
    MemberResponse get(@PathVariable long id) {
        StaffOnly.require();
        return MemberResponse.of(members.get(id));
    }
}

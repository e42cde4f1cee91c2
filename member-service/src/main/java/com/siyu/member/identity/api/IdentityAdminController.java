package com.siyu.member.identity.api;

import com.siyu.common.context.Caller;
import com.siyu.common.web.StaffOnly;
import com.siyu.member.identity.domain.Identities;
import com.siyu.member.identity.domain.Identity;
import com.siyu.member.identity.domain.MemberMerges;
import com.siyu.member.member.api.MemberResponse;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Staff view of the identity graph: attach ids, look members up by any id, merge and undo merges (audited). */
@RestController
@RequestMapping("/admin/v1/member")
class IdentityAdminController {

    private final Identities identities;
    private final MemberMerges merges;

    IdentityAdminController(Identities identities, MemberMerges merges) {
        this.identities = identities;
        this.merges = merges;
    }

    @GetMapping("/members/{id}/identities")
    List<IdentityResponse> identities(@PathVariable long id) {
        StaffOnly.require();
        return identities.of(id).stream().map(IdentityResponse::of).toList();
    }

    @PostMapping("/members/{id}/identities")
    @ResponseStatus(HttpStatus.CREATED)
    List<IdentityResponse> attach(@PathVariable long id, @Valid @RequestBody IdentityRequest request) {
        StaffOnly.require("TENANT_ADMIN", "OPERATOR", "CASHIER", "SERVICE_AGENT", "MANAGER", "GUIDE");
        return identities.attach(id, new Identity(request.kind(), request.scope(), request.value(), request.attributes(), false))
                .stream().map(IdentityResponse::of).toList();
    }

    @GetMapping("/members/lookup")
    MemberResponse lookup(@RequestParam com.siyu.member.identity.domain.IdentityKind kind,
                          @RequestParam(required = false) String scope, @RequestParam String value) {
        StaffOnly.require();
        return MemberResponse.of(identities.lookup(kind, scope, value));
    }

    @PostMapping("/merges")
    @ResponseStatus(HttpStatus.CREATED)
    MergeResponse merge(@Valid @RequestBody MergeRequest request) {
        Caller staff = StaffOnly.require("TENANT_ADMIN", "SERVICE_AGENT", "MANAGER");
        return MergeResponse.of(merges.merge(request.survivorId(), request.mergedId(), request.reason(), "staff:" + staff.staffId()));
    }

    @PostMapping("/merges/{id}/undo")
    MergeResponse undo(@PathVariable long id) {
        Caller staff = StaffOnly.require("TENANT_ADMIN", "MANAGER");
        return MergeResponse.of(merges.undo(id, "staff:" + staff.staffId()));
    }

    @GetMapping("/members/{id}/merges")
    List<MergeResponse> history(@PathVariable long id) {
        StaffOnly.require();
        return merges.history(id).stream().map(MergeResponse::of).toList();
    }
}

package com.siyu.guide.code.api;

import com.siyu.common.context.Caller;
import com.siyu.common.context.CallerContext;
import com.siyu.common.problem.DomainException;
import com.siyu.common.web.StaffOnly;
import com.siyu.guide.binding.domain.Binding;
import com.siyu.guide.binding.domain.Bindings;
import com.siyu.guide.code.domain.GuideCodes;
import com.siyu.guide.roster.api.GuideResponse;
import com.siyu.guide.roster.domain.Guide;
import com.siyu.guide.roster.domain.GuideStatus;
import com.siyu.guide.roster.domain.Roster;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A guide signed in with their staff token: who they are, their members, their personal code. */
@RestController
@Validated
class GuideSelfController {

    private final Roster roster;
    private final Bindings bindings;
    private final GuideCodes codes;

    GuideSelfController(Roster roster, Bindings bindings, GuideCodes codes) {
        this.roster = roster;
        this.bindings = bindings;
        this.codes = codes;
    }

    record MyMember(long memberId, String source, String channel, Instant boundAt) {
        static MyMember of(Binding b) {
            return new MyMember(b.memberId(), b.source(), b.channel(), b.boundAt());
        }
    }

    /** {@code token} is the QR payload: the mini-program opens it and posts it to /api/v1/guide/bindings. */
    record PersonalCode(long guideId, String token, Instant expiresAt) {
    }

    @GetMapping("/admin/v1/guide/me")
    GuideResponse me() {
        return GuideResponse.of(self());
    }

    @GetMapping("/admin/v1/guide/me/members")
    List<MyMember> members(@RequestParam(defaultValue = "0") @Min(0) long after, @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return bindings.membersOf(self().id(), after, limit).stream().map(MyMember::of).toList();
    }

    @GetMapping("/admin/v1/guide/me/code")
    PersonalCode code(@RequestParam(defaultValue = "CODE") @Pattern(regexp = "CODE|LINK") String channel) {
        Guide guide = self();
        if (guide.status() != GuideStatus.ACTIVE) {
            throw new DomainException(HttpStatus.CONFLICT, "GUIDE_NOT_ACTIVE", "Only an active guide has a personal code");
        }
        GuideCodes.Issued issued = codes.issue(CallerContext.requireTenant(), guide.id(), channel);
        return new PersonalCode(guide.id(), issued.token(), issued.expiresAt());
    }

    private Guide self() {
        Caller staff = StaffOnly.require("GUIDE");
        return roster.ofStaff(staff.staffId());
    }
}

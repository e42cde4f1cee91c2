package com.siyu.member.segment.api;

import com.siyu.common.web.StaffOnly;
import com.siyu.member.segment.domain.Tags;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Tags: MANUAL ones staff put on members, RULE ones whose members an evaluation of their rule decides. */
@RestController
class TagController {

    private final Tags tags;

    TagController(Tags tags) {
        this.tags = tags;
    }

    @PostMapping("/admin/v1/member/tags")
    @ResponseStatus(HttpStatus.CREATED)
    TagResponse define(@Valid @RequestBody DefineTagRequest request) {
        StaffOnly.require("TENANT_ADMIN", "OPERATOR");
        return TagResponse.of(tags.define(request.name(), request.kind(), request.rule()), null);
    }

    @GetMapping("/admin/v1/member/tags")
    List<TagResponse> list() {
        StaffOnly.require();
        return tags.list().stream().map(tag -> TagResponse.of(tag, null)).toList();
    }

    @GetMapping("/admin/v1/member/tags/{id}")
    TagResponse get(@PathVariable long id) {
        StaffOnly.require();
        return TagResponse.of(tags.get(id), tags.memberCount(id));
    }

    /** Replaces a rule tag's rule (validated like a segment's); the next evaluation applies it. */
    @PutMapping("/admin/v1/member/tags/{id}/rule")
    TagResponse changeRule(@PathVariable long id, @Valid @RequestBody TagRuleRequest request) {
        StaffOnly.require("TENANT_ADMIN", "OPERATOR");
        return TagResponse.of(tags.changeRule(id, request.rule()), null);
    }

    /** Evaluates a rule tag now: its members become exactly the members matching its rule. */
    @PostMapping("/admin/v1/member/tags/{id}/evaluations")
    TagEvaluationResponse evaluate(@PathVariable long id) {
        StaffOnly.require("TENANT_ADMIN", "OPERATOR");
        return TagEvaluationResponse.of(tags.evaluate(id));
    }

    @GetMapping("/admin/v1/member/members/{id}/tags")
    List<MemberTagResponse> ofMember(@PathVariable long id) {
        StaffOnly.require();
        return MemberTagResponse.of(tags.of(id));
    }

    @PostMapping("/admin/v1/member/members/{id}/tags")
    List<MemberTagResponse> tag(@PathVariable long id, @Valid @RequestBody MemberTagRequest request) {
        StaffOnly.require("TENANT_ADMIN", "OPERATOR", "GUIDE", "SERVICE_AGENT", "MANAGER");
        return MemberTagResponse.of(tags.tag(id, request.name()));
    }

    /** For other services (guide-service's contact codes tag the shopper who adds a guide through them); idempotent. */
    @PostMapping("/internal/members/{id}/tags")
    List<MemberTagResponse> tagByService(@PathVariable long id, @Valid @RequestBody MemberTagRequest request) {
        return MemberTagResponse.of(tags.tag(id, request.name()));
    }

    @DeleteMapping("/admin/v1/member/members/{id}/tags/{name}")
    List<MemberTagResponse> untag(@PathVariable long id, @PathVariable String name) {
        StaffOnly.require("TENANT_ADMIN", "OPERATOR", "GUIDE", "SERVICE_AGENT", "MANAGER");
        return MemberTagResponse.of(tags.untag(id, name));
    }
}

package com.siyu.member.segment.api;

import com.siyu.common.web.StaffOnly;
import com.siyu.member.segment.domain.Segment;
import com.siyu.member.segment.domain.Segments;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Segments for operators; segment members also for campaigns and coupon grants (internal). */
@RestController
@Validated
class SegmentController {

    private final Segments segments;

    SegmentController(Segments segments) {
        this.segments = segments;
    }

    @PostMapping("/admin/v1/member/segments")
    @ResponseStatus(HttpStatus.CREATED)
    Segment define(@Valid @RequestBody SegmentRequest request) {
        StaffOnly.require("TENANT_ADMIN", "OPERATOR");
        return segments.define(request.name(), request.rule());
    }

    @GetMapping("/admin/v1/member/segments/{id}")
    Map<String, Object> get(@PathVariable long id) {
        StaffOnly.require();
        Segment segment = segments.get(id);
        return Map.of("id", segment.id(), "name", segment.name(), "rule", segment.rule(), "count", segments.count(id));
    }

    /** Keyset paging: pass the last id of a page as {@code after} to get the next. */
    @GetMapping("/admin/v1/member/segments/{id}/members")
    Map<String, Object> members(@PathVariable long id, @RequestParam(defaultValue = "0") @Min(0) long after,
                                @RequestParam(defaultValue = "500") @Min(1) @Max(5000) int size) {
        StaffOnly.require();
        return internalMembers(id, after, size);
    }

    /**
     * For other services' presets (touchpoint's birthday and win-back campaigns): the segment of that name, made with
     * the rule when absent; 409 SEGMENT_NAME_TAKEN when the name selects by another rule.
     */
    @PostMapping("/internal/segments/ensure")
    Segment ensure(@Valid @RequestBody SegmentRequest request) {
        return segments.ensure(request.name(), request.rule());
    }

    /** For coupon grants and campaigns (service to service). */
    @GetMapping("/internal/segments/{id}/members")
    Map<String, Object> internalMembers(@PathVariable long id, @RequestParam(defaultValue = "0") @Min(0) long after,
                                        @RequestParam(defaultValue = "500") @Min(1) @Max(5000) int size) {
        List<Long> ids = segments.members(id, after, size);
        return Map.of("memberIds", ids, "next", ids.size() < size ? -1 : ids.get(ids.size() - 1));
    }

}

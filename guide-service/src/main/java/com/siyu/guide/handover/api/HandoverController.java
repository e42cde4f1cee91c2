package com.siyu.guide.handover.api;

import com.siyu.common.context.Caller;
import com.siyu.common.problem.DomainException;
import com.siyu.common.web.StaffOnly;
import com.siyu.guide.handover.domain.Handover;
import com.siyu.guide.handover.domain.Handovers;
import com.siyu.guide.roster.domain.GuideScope;
import com.siyu.guide.roster.domain.GuideStatus;
import com.siyu.guide.roster.domain.Roster;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A manager or admin hands a leaving or moving guide's members over and watches the progress. */
@RestController
class HandoverController {

    private final Handovers handovers;
    private final Roster roster;

    HandoverController(Handovers handovers, Roster roster) {
        this.handovers = handovers;
        this.roster = roster;
    }

    record HandoverResponse(long id, long guideId, String guideStatus, String mode, String status, int total, int processed, int moved,
                            int skipped, Map<Long, Long> received) {
        static HandoverResponse of(Handover h, Map<Long, Long> received) {
            return new HandoverResponse(h.id(), h.guideId(), h.guideStatus(), h.mode(), h.status().name(), h.total(), h.cursor(), h.moved(),
                    h.skipped(), received);
        }
    }

    /** 202: the members move in the background; GET the Location for progress. */
    @PostMapping("/admin/v1/guide/guides/{guideId}/handovers")
    ResponseEntity<HandoverResponse> start(@PathVariable long guideId, @Valid @RequestBody HandoverRequest request) {
        Caller staff = StaffOnly.require("TENANT_ADMIN", "MANAGER");
        if (!GuideScope.sees(staff, roster.get(guideId))) {
            throw DomainException.notFound("Guide", guideId);
        }
        Handover handover = handovers.start(new Handovers.Start(guideId, GuideStatus.valueOf(request.status()), request.toGuideIds(),
                request.reason(), staff.staffId()));
        return ResponseEntity.accepted().location(URI.create("/admin/v1/guide/handovers/" + handover.id()))
                .body(HandoverResponse.of(handover, Map.of()));
    }

    @GetMapping("/admin/v1/guide/handovers/{id}")
    HandoverResponse get(@PathVariable long id) {
        Caller staff = StaffOnly.require("TENANT_ADMIN", "MANAGER", "OPERATOR");
        Handover handover = visible(staff, id);
        return HandoverResponse.of(handover, handovers.received(id));
    }

    @PostMapping("/admin/v1/guide/handovers/{id}/resume")
    ResponseEntity<HandoverResponse> resume(@PathVariable long id) {
        Caller staff = StaffOnly.require("TENANT_ADMIN", "MANAGER");
        visible(staff, id);
        return ResponseEntity.accepted().body(HandoverResponse.of(handovers.resume(id), Map.of()));
    }

    private Handover visible(Caller staff, long id) {
        Handover handover = handovers.get(id);
        if (!GuideScope.sees(staff, roster.get(handover.guideId()))) {
            throw DomainException.notFound("Handover", id);
        }
        return handover;
    }
}

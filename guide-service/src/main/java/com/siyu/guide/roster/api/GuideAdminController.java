package com.siyu.guide.roster.api;

import com.siyu.common.web.StaffOnly;
import com.siyu.guide.roster.domain.Guide;
import com.siyu.guide.roster.domain.Roster;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/admin/v1/guide/guides")
class GuideAdminController {

    private final Roster roster;

    GuideAdminController(Roster roster) {
        this.roster = roster;
    }

    @PostMapping
    ResponseEntity<GuideResponse> enrol(@Valid @RequestBody EnrolGuideRequest request) {
        StaffOnly.require("TENANT_ADMIN", "MANAGER");
        Guide guide = roster.enrol(request.storeId(), request.name(), request.phone());
        return ResponseEntity.created(URI.create("/admin/v1/guide/guides/" + guide.id())).body(GuideResponse.of(guide));
    }

    @GetMapping
    List<GuideResponse> list(@RequestParam(required = false) Long storeId) {
        StaffOnly.require();
        return roster.list(storeId).stream().map(GuideResponse::of).toList();
    }

    @GetMapping("/{id}")
    GuideResponse get(@PathVariable long id) {
        StaffOnly.require();
        return GuideResponse.of(roster.get(id));
    }
}

package com.siyu.guide.roster.api;

import com.siyu.common.context.Caller;
import com.siyu.common.problem.DomainException;
import com.siyu.common.web.StaffOnly;
import com.siyu.guide.roster.domain.Guide;
import com.siyu.guide.roster.domain.GuideScope;
import com.siyu.guide.roster.domain.NewGuide;
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
    private final com.siyu.guide.tasks.domain.Training training;

    GuideAdminController(Roster roster, com.siyu.guide.tasks.domain.Training training) {
        this.training = training;
        this.roster = roster;
    }

    @PostMapping
    ResponseEntity<GuideResponse> enrol(@Valid @RequestBody EnrolGuideRequest request) {
        Caller staff = StaffOnly.require("TENANT_ADMIN", "MANAGER");
        if (GuideScope.storeOf(staff) != null && !GuideScope.storeOf(staff).equals(request.storeId())) {
            throw new DomainException(org.springframework.http.HttpStatus.FORBIDDEN, "OTHER_STORE", "You enrol guides of your own store only");
        }
        Guide guide = roster.enrol(new NewGuide(request.storeId(), request.staffId(), request.merchantId(), request.name(), request.phone(),
                request.wecomUserId(), request.level() == null ? 1 : request.level()));
        // the tenant's newbie path starts now (the hourly sweep gives it if this fails after the enrolment committed)
        training.enrol(guide.id());
        return ResponseEntity.created(URI.create("/admin/v1/guide/guides/" + guide.id())).body(GuideResponse.of(guide));
    }

    /** A store's manager sees that store's guides, a guide only themselves; the tenant's admins and operators all. */
    @GetMapping
    List<GuideResponse> list(@RequestParam(required = false) Long storeId) {
        Caller staff = StaffOnly.require();
        Long scope = GuideScope.storeOf(staff);
        if (scope != null && storeId != null && !scope.equals(storeId)) {
            return List.of();
        }
        return roster.list(scope != null ? scope : storeId).stream().filter(g -> GuideScope.sees(staff, g)).map(GuideResponse::of).toList();
    }

    @GetMapping("/{id}")
    GuideResponse get(@PathVariable long id) {
        Caller staff = StaffOnly.require();
        Guide guide = roster.get(id);
        if (!GuideScope.sees(staff, guide)) {
            throw DomainException.notFound("Guide", id);
        }
        return GuideResponse.of(guide);
    }
}

package com.siyu.points.adjustment.api;

import com.siyu.common.context.Caller;
import com.siyu.common.web.StaffOnly;
import com.siyu.points.adjustment.domain.AdjustmentRequest;
import com.siyu.points.adjustment.domain.Adjustments;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Managers decide the large adjustments operators asked for. */
@RestController
@RequestMapping("/admin/v1/points/adjustment-requests")
class AdjustmentRequestController {

    private final Adjustments adjustments;

    AdjustmentRequestController(Adjustments adjustments) {
        this.adjustments = adjustments;
    }

    @GetMapping
    List<AdjustmentRequest> pending() {
        StaffOnly.require("TENANT_ADMIN", "MANAGER", "OPERATOR");
        return adjustments.pending();
    }

    @PostMapping("/{id}/approval")
    AdjustmentRequest approve(@PathVariable long id) {
        Caller manager = StaffOnly.require("TENANT_ADMIN", "MANAGER");
        return adjustments.approve(id, manager.staffId());
    }

    @PostMapping("/{id}/rejection")
    AdjustmentRequest reject(@PathVariable long id) {
        Caller manager = StaffOnly.require("TENANT_ADMIN", "MANAGER");
        return adjustments.reject(id, manager.staffId());
    }
}

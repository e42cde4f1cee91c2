package com.siyu.coupon.issuing.api;

import com.siyu.common.context.Caller;
import com.siyu.common.context.SiyuHeaders;
import com.siyu.common.web.StaffOnly;
import com.siyu.coupon.issuing.domain.GrantBatch;
import com.siyu.coupon.issuing.domain.GrantBatches;
import com.siyu.coupon.issuing.domain.IssueCommand;
import com.siyu.coupon.issuing.domain.Issued;
import com.siyu.coupon.issuing.domain.Issuing;
import com.siyu.coupon.template.domain.CouponTemplate;
import com.siyu.coupon.template.domain.CouponTemplates;
import com.siyu.coupon.wallet.api.CouponResponse;
import com.siyu.coupon.wallet.domain.CouponRepository;
import com.siyu.coupon.wallet.domain.IssueSource;
import com.siyu.coupon.wallet.domain.IssuedCounts;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operators grant coupons to a member or to many (a resumable batch), and check a template's stock. */
@RestController
@Validated
class GrantAdminController {

    private final Issuing issuing;
    private final GrantBatches batches;
    private final CouponTemplates templates;
    private final CouponRepository coupons;

    private final com.siyu.coupon.client.References references;

    GrantAdminController(Issuing issuing, GrantBatches batches, CouponTemplates templates, CouponRepository coupons,
                         com.siyu.coupon.client.References references) {
        this.references = references;
        this.issuing = issuing;
        this.batches = batches;
        this.templates = templates;
        this.coupons = coupons;
    }

    @PostMapping("/admin/v1/coupon/grants")
    ResponseEntity<CouponResponse> grant(@Valid @RequestBody GrantRequest r,
                                         @RequestHeader(SiyuHeaders.IDEMPOTENCY_KEY) String idempotencyKey) {
        Caller staff = StaffOnly.require("TENANT_ADMIN", "OPERATOR", "CUSTOMER_SERVICE");
        references.member("memberId", r.memberId());
        Issued issued = issuing.issue(new IssueCommand(r.templateId(), r.memberId(), IssueSource.OPERATOR,
                "s" + staff.staffId() + ":" + idempotencyKey, null));
        CouponResponse body = CouponResponse.of(issued.coupon());
        return issued.replayed() ? ResponseEntity.ok(body)
                : ResponseEntity.created(URI.create("/admin/v1/coupon/members/" + r.memberId() + "/coupons")).body(body);
    }

    @PostMapping("/admin/v1/coupon/grant-batches")
    ResponseEntity<BatchResponse> startBatch(@Valid @RequestBody BatchRequest r) {
        Caller staff = StaffOnly.require("TENANT_ADMIN", "OPERATOR");
        // a listed member of another tenant (or none at all) would use up stock: the whole list is checked first
        references.members("memberIds", r.memberIds());
        GrantBatch batch = r.segmentId() != null
                ? batches.startForSegment(r.templateId(), r.segmentId(), r.reason(), staff.staffId())
                : batches.start(r.templateId(), r.memberIds(), r.reason(), staff.staffId());
        return ResponseEntity.accepted().location(URI.create("/admin/v1/coupon/grant-batches/" + batch.id()))
                .body(BatchResponse.of(batch));
    }

    @GetMapping("/admin/v1/coupon/grant-batches/{id}")
    BatchResponse batch(@PathVariable long id) {
        StaffOnly.require();
        return BatchResponse.of(batches.get(id));
    }

    @GetMapping("/admin/v1/coupon/grant-batches/{id}/members")
    List<BatchResponse.EntryResponse> batchMembers(@PathVariable long id, @RequestParam(defaultValue = "0") @Min(0) int offset,
                                                   @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        StaffOnly.require();
        return batches.entries(id, offset, limit).stream().map(BatchResponse.EntryResponse::of).toList();
    }

    @PostMapping("/admin/v1/coupon/grant-batches/{id}/resume")
    ResponseEntity<BatchResponse> resume(@PathVariable long id) {
        StaffOnly.require("TENANT_ADMIN", "OPERATOR");
        return ResponseEntity.accepted().body(BatchResponse.of(batches.resume(id)));
    }

    @GetMapping("/admin/v1/coupon/templates/{id}/reconciliation")
    ReconciliationResponse reconciliation(@PathVariable long id) {
        StaffOnly.require();
        CouponTemplate template = templates.get(id);
        IssuedCounts counts = coupons.issuedCounts(id);
        return new ReconciliationResponse(id, template.totalStock(), template.issuedCount(), counts.couponRows(), counts.quotaClaimed(),
                template.issuedCount() == counts.couponRows() && counts.couponRows() == counts.quotaClaimed());
    }
}

package com.siyu.guide.commission.api;

import com.siyu.common.context.Caller;
import com.siyu.common.problem.DomainException;
import com.siyu.common.web.MemberOnly;
import com.siyu.common.web.StaffOnly;
import com.siyu.guide.client.References;
import com.siyu.guide.commission.domain.ShareLink;
import com.siyu.guide.commission.domain.ShareLinks;
import com.siyu.guide.roster.domain.Guide;
import com.siyu.guide.roster.domain.GuideScope;
import com.siyu.guide.roster.domain.Roster;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A guide's share links (create, list with their visits and sales), a manager's view of them, and a shopper opening one. */
@RestController
@Validated
class ShareLinkController {

    static final String CAMPAIGN = "[A-Za-z0-9_-]{1,40}";

    private final ShareLinks shareLinks;
    private final Roster roster;
    private final References references;

    ShareLinkController(ShareLinks shareLinks, Roster roster, References references) {
        this.shareLinks = shareLinks;
        this.roster = roster;
        this.references = references;
    }

    /** PRODUCT: merchantId + sku; COUPON: couponTemplateId; ACTIVITY: campaign (any kind may name a campaign). */
    record ShareRequest(@NotNull ShareLink.Kind kind, @NotBlank @Size(max = 60) String title, @Positive Long merchantId,
                        @Pattern(regexp = "[A-Za-z0-9_.:-]{1,64}", message = "must be 1-64 letters, digits or . _ : -") String sku,
                        @Positive Long couponTemplateId,
                        @Pattern(regexp = CAMPAIGN, message = "must be 1-40 letters, digits, '_' or '-'") String campaign) {
    }

    record LinkResponse(long id, long guideId, ShareLink.Kind kind, String title, Long merchantId, String sku, Long couponTemplateId,
                        String campaign, Instant createdAt, Instant expiresAt) {
        static LinkResponse of(ShareLink l) {
            return new LinkResponse(l.id(), l.guideId(), l.kind(), l.title(), l.merchantId(), l.sku(), l.couponTemplateId(), l.campaign(),
                    l.createdAt(), l.expiresAt());
        }
    }

    /** {@code token}: what the link's URL or QR code carries; the mini-program posts it to /api/v1/guide/share-visits. */
    record SharedResponse(LinkResponse link, String token) {
    }

    record PerformanceResponse(LinkResponse link, String token, long visitors, long opens, long orders, long paidFen, long refundedFen) {
    }

    record VisitRequest(@NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{10,200}\\.[A-Za-z0-9_-]{43}", message = "must be a share-link token") String token) {
    }

    /**
     * What the shopper opened; {@code binding}: what the binding rules made of it (null when the guide has left);
     * {@code attribution}: the token to pay with (null when nobody can be credited), crediting the guide until {@code creditUntil}.
     */
    record VisitResponse(LinkResponse link, ShopperGuideBinding binding, String attribution, Instant creditUntil) {
    }

    record ShopperGuideBinding(String outcome, long guideId, String guideName, long storeId) {
    }

    @PostMapping("/admin/v1/guide/me/share-links")
    ResponseEntity<SharedResponse> share(@Valid @RequestBody ShareRequest request) {
        Guide guide = roster.ofStaff(StaffOnly.require("GUIDE").staffId());
        references.merchant("merchantId", request.merchantId());
        references.couponTemplate("couponTemplateId", request.couponTemplateId());
        ShareLinks.Shared shared = shareLinks.share(guide, new ShareLinks.NewLink(request.kind(), request.title().strip(), request.merchantId(),
                request.sku(), request.couponTemplateId(), request.campaign()));
        return ResponseEntity.created(URI.create("/admin/v1/guide/me/share-links/" + shared.link().id()))
                .body(new SharedResponse(LinkResponse.of(shared.link()), shared.token()));
    }

    @GetMapping("/admin/v1/guide/me/share-links")
    List<PerformanceResponse> mine(@RequestParam(defaultValue = "" + Long.MAX_VALUE) @Min(1) long before,
                                   @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        Guide guide = roster.ofStaff(StaffOnly.require("GUIDE").staffId());
        return performance(guide, before, limit);
    }

    /** A manager's (their store's guides) or an operator's view of a guide's links. */
    @GetMapping("/admin/v1/guide/guides/{guideId}/share-links")
    List<PerformanceResponse> ofGuide(@PathVariable long guideId, @RequestParam(defaultValue = "" + Long.MAX_VALUE) @Min(1) long before,
                                      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        Caller staff = StaffOnly.require("TENANT_ADMIN", "OPERATOR", "MANAGER");
        Guide guide = roster.find(guideId).filter(g -> GuideScope.sees(staff, g)).orElseThrow(() -> DomainException.notFound("Guide", guideId));
        return performance(guide, before, limit);
    }

    @PostMapping("/api/v1/guide/share-visits")
    VisitResponse open(@Valid @RequestBody VisitRequest request) {
        ShareLinks.Opened opened = shareLinks.open(MemberOnly.require(), request.token());
        ShopperGuideBinding binding = opened.touched() == null ? null : new ShopperGuideBinding(opened.touched().decision().name(),
                opened.touched().bound().guide().id(), opened.touched().bound().guide().name(), opened.touched().bound().guide().storeId());
        return new VisitResponse(LinkResponse.of(opened.link()), binding, opened.attribution(), opened.creditUntil());
    }

    private List<PerformanceResponse> performance(Guide guide, long before, int limit) {
        return shareLinks.performanceOf(guide.id(), before, limit).stream()
                .map(p -> new PerformanceResponse(LinkResponse.of(p.link()), shareLinks.shared(p.link()).token(), p.visitors(), p.opens(), p.orders(),
                        p.paidFen(), p.refundedFen()))
                .toList();
    }
}

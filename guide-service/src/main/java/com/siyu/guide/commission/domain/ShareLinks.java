package com.siyu.guide.commission.domain;

import com.siyu.common.context.CallerContext;
import com.siyu.common.problem.DomainException;
import com.siyu.guide.binding.domain.BindingSource;
import com.siyu.guide.binding.domain.Bindings;
import com.siyu.guide.binding.domain.GuideNotActive;
import com.siyu.guide.code.domain.GuideCodes;
import com.siyu.guide.roster.domain.Guide;
import com.siyu.guide.roster.domain.GuideStatus;
import com.siyu.guide.roster.domain.Roster;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Share links (分销): a guide shares a product, a coupon or an activity; each link has its own signed token (a
 * shopper cannot change the guide or the link in it). A shopper opening it is a visit and a LINK touch of the
 * binding rules; a payment made with the token within the tenant's attribution window of the visit credits the
 * link's guide, whoever the shopper is bound to. payment-service carries the token as is; it is judged here.
 */
@Service
public class ShareLinks {

    public static final int DEFAULT_ATTRIBUTION_DAYS = 7;

    private final ShareLinkRepository links;
    private final CommissionRepository ledger;
    private final GuideCodes codes;
    private final Bindings bindings;
    private final Roster roster;
    private final Clock clock;

    public ShareLinks(ShareLinkRepository links, CommissionRepository ledger, GuideCodes codes, Bindings bindings, Roster roster, Clock clock) {
        this.links = links;
        this.ledger = ledger;
        this.codes = codes;
        this.bindings = bindings;
        this.roster = roster;
        this.clock = clock;
    }

    public record NewLink(ShareLink.Kind kind, String title, Long merchantId, String sku, Long couponTemplateId, String campaign) {
    }

    /** A link and the token its URL or QR code carries. */
    public record Shared(ShareLink link, String token) {
    }

    /** {@code touched}: what the binding rules made of the visit (null when the link's guide is no longer active). */
    public record Opened(ShareLink link, Bindings.Touched touched, String attribution, Instant creditUntil) {
    }

    /** The guide shares something: what each kind needs is checked here, the ids it names by the caller (References). */
    public Shared share(Guide guide, NewLink link) {
        if (guide.status() != GuideStatus.ACTIVE) {
            throw new DomainException(HttpStatus.CONFLICT, "GUIDE_NOT_ACTIVE", "Only an active guide shares links");
        }
        boolean product = link.merchantId() != null || link.sku() != null;
        String problem = switch (link.kind()) {
            case PRODUCT -> link.merchantId() == null || link.sku() == null || link.couponTemplateId() != null
                    ? "A PRODUCT link names the counter (merchantId) and the sku, and no couponTemplateId" : null;
            case COUPON -> link.couponTemplateId() == null || product ? "A COUPON link names a couponTemplateId, and no merchantId or sku" : null;
            case ACTIVITY -> link.campaign() == null || product || link.couponTemplateId() != null
                    ? "An ACTIVITY link names its campaign, and no merchantId, sku or couponTemplateId" : null;
        };
        if (problem != null) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", problem);
        }
        Instant expiresAt = codes.linkExpiry();
        long id = links.create(guide.id(), link.kind(), link.title(), link.merchantId(), link.sku(), link.couponTemplateId(), link.campaign(),
                clock.instant(), expiresAt);
        return shared(links.find(id).orElseThrow());
    }

    /** The same token every time for the same link (its expiry is the link's). */
    public Shared shared(ShareLink link) {
        return new Shared(link, codes.issueShare(CallerContext.requireTenant(), link.guideId(), link.id(), link.expiresAt()).token());
    }

    public List<ShareLink.Performance> performanceOf(long guideId, long beforeId, int limit) {
        return links.performanceOf(guideId, beforeId, limit);
    }

    /**
     * The member opened a share link: the visit is recorded and the binding rules see a LINK touch. A link of a
     * guide who left still opens (the shopper still sees what was shared) but binds and credits nobody.
     */
    public Opened open(long memberId, String token) {
        GuideCodes.GuideToken verified = codes.verifyFor(CallerContext.requireTenant(), token);
        if (verified.shareLinkId() == null) {
            throw new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, "NOT_A_SHARE_LINK",
                    "This is a guide's personal code, not a share link: post it to /api/v1/guide/bindings");
        }
        ShareLink link = linkOf(verified)
                .orElseThrow(() -> new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, "GUIDE_CODE_INVALID", "This is not a guide code of this mall"));
        Instant now = clock.instant();
        links.visit(link.id(), memberId, now);
        Bindings.Touched touched;
        try {
            touched = bindings.touch(new Bindings.Touch(memberId, link.guideId(), BindingSource.LINK, "LINK-" + link.id(), null, null));
        } catch (GuideNotActive left) {
            return new Opened(link, null, null, null);
        }
        return new Opened(link, touched, token, now.plus(Duration.ofDays(ledger.policy().linkAttributionDays())));
    }

    /**
     * Whom a payment made with {@code token} at {@code paidAt} credits through the link: nobody when the token is
     * not a valid share-link token of this tenant (as of the payment), the member never opened the link before
     * paying, their last visit is older than the attribution window, or the link's guide is no longer active.
     */
    public Optional<LinkCredit> creditFor(long memberId, String token, Instant paidAt) {
        if (token == null) {
            return Optional.empty();
        }
        GuideCodes.GuideToken verified;
        try {
            verified = codes.verifyFor(CallerContext.requireTenant(), token, paidAt);
        } catch (DomainException forgedOrExpired) {
            return Optional.empty();
        }
        Optional<ShareLink> link = linkOf(verified);
        if (link.isEmpty() || !visitedWithinWindow(link.get().id(), memberId, paidAt)) {
            return Optional.empty();
        }
        return roster.find(link.get().guideId()).filter(g -> g.status() == GuideStatus.ACTIVE)
                .map(g -> new LinkCredit(g.id(), link.get().id(), link.get().campaign()));
    }

    /** The share link a verified token names, when it is one and still the signing guide's. */
    private Optional<ShareLink> linkOf(GuideCodes.GuideToken verified) {
        Long linkId = verified.shareLinkId();
        return linkId == null ? Optional.empty() : links.find(linkId).filter(l -> l.guideId() == verified.guideId());
    }

    private boolean visitedWithinWindow(long linkId, long memberId, Instant paidAt) {
        Instant windowStart = paidAt.minus(Duration.ofDays(ledger.policy().linkAttributionDays()));
        return links.visitSpan(linkId, memberId).filter(v -> !v.first().isAfter(paidAt) && !v.last().isBefore(windowStart)).isPresent();
    }
}

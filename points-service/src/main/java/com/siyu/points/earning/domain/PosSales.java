package com.siyu.points.earning.domain;

import com.siyu.common.context.Caller;
import com.siyu.common.feign.RemoteRejection;
import com.siyu.common.problem.DomainException;
import com.siyu.points.client.DirectoryClient;
import java.time.Clock;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Earning outside the mini-program cashier: a counter's POS reports a sale paid in cash or by card
 * (receipt number, amount, the member by id, phone or member card) and the member earns by the
 * tenant's rules, once per receipt of that counter; the sale grows the member like a cashier payment.
 * A refund of the receipt reverses the points in proportion and takes its amount off the member's growth and
 * spend, once per refund number.
 */
@Service
public class PosSales {

    /** How the POS names the member. */
    public enum MemberKey { MEMBER_ID, PHONE, MEMBER_CARD }

    public record Sale(long merchantId, String receiptNo, long amountFen, String category, MemberKey memberKey, String memberValue) {
    }

    public record Recorded(long memberId, long storeId, Earned earned) {
    }

    private final Earnings earnings;
    private final com.siyu.points.account.domain.PointsLedger ledger;
    private final DirectoryClient directory;
    private final com.siyu.points.client.References references;
    private final Clock clock;

    public PosSales(Earnings earnings, com.siyu.points.account.domain.PointsLedger ledger, DirectoryClient directory,
                    com.siyu.points.client.References references, Clock clock) {
        this.references = references;
        this.earnings = earnings;
        this.ledger = ledger;
        this.directory = directory;
        this.clock = clock;
    }

    public Recorded record(Caller staff, Sale sale) {
        DirectoryClient.Merchant merchant = merchantOf(staff, sale.merchantId());
        long memberId = member(sale.memberKey(), sale.memberValue());
        return credit(memberId, merchant, sale.receiptNo(), sale.amountFen(), sale.category());
    }

    /**
     * The member earns for a receipt of {@code merchant}, once per receipt of that counter whichever way it
     * arrives (the POS or an approved receipt claim), and the sale grows the member. Replays are harmless:
     * the earning replays by its business id and growth is keyed by the same id.
     */
    public Recorded credit(long memberId, DirectoryClient.Merchant merchant, String receiptNo, long amountFen, String category) {
        String bizId = bizId(merchant.id(), receiptNo);
        String effectiveCategory = category != null ? category : merchant.category();
        Instant now = clock.instant();
        Earned earned = earnings.earn(new EarnCommand(memberId, bizId, amountFen, merchant.storeId(), merchant.id(), effectiveCategory, null, now));
        if (earned.entry() != null && earned.entry().memberId() != memberId) {
            throw new DomainException(HttpStatus.CONFLICT, "RECEIPT_ALREADY_RECORDED",
                    "Receipt " + receiptNo + " of this counter was already recorded for another member");
        }
        // growth is keyed by the same receipt: a retry after a failure here applies it once, the points replay
        directory.growth(memberId, new DirectoryClient.Growth(bizId, amountFen, merchant.storeId(), effectiveCategory, now));
        return new Recorded(memberId, merchant.storeId(), earned);
    }

    /** Whether a receipt of this counter already earned (from the POS or an approved claim). */
    public boolean recorded(long merchantId, String receiptNo) {
        return ledger.findEntry(com.siyu.points.account.domain.BizType.EARN, bizId(merchantId, receiptNo)).isPresent();
    }

    /** A counter of the caller's tenant (422 UNKNOWN_MERCHANT otherwise). */
    public DirectoryClient.Merchant counter(String field, long merchantId) {
        try {
            return directory.merchant(merchantId);
        } catch (RuntimeException e) {
            if (RemoteRejection.in(e).filter(r -> r.status() == 404).isPresent()) {
                throw new com.siyu.common.reference.UnknownReference(field, "Merchant", merchantId);
            }
            throw e;
        }
    }

    /**
     * The receipt's own earning names the member; a receipt that earned nothing has nothing to reverse (404).
     * The points come back in proportion, then the refunded amount comes off the member's growth and spend;
     * both are keyed by the refund number, so the POS retrying after a failure in between applies each once.
     */
    public Reversed refund(Caller staff, long merchantId, String receiptNo, String refundNo, long refundFen) {
        DirectoryClient.Merchant merchant = merchantOf(staff, merchantId);
        String earnBizId = bizId(merchantId, receiptNo);
        long memberId = ledger.entry(com.siyu.points.account.domain.BizType.EARN, earnBizId).memberId();
        String refundBizId = "pos-refund:" + merchantId + ":" + refundNo;
        Reversed reversed = earnings.reverse(memberId, refundBizId, earnBizId, refundFen);
        directory.reverseGrowth(new DirectoryClient.GrowthReversal(earnBizId, refundBizId, refundFen, merchant.storeId(),
                merchant.category(), clock.instant()));
        return reversed;
    }

    static String bizId(long merchantId, String receiptNo) {
        return "pos:" + merchantId + ":" + receiptNo;
    }

    /** The counter, which a cashier bound to a store may only report for if it is in their store. */
    private DirectoryClient.Merchant merchantOf(Caller staff, long merchantId) {
        DirectoryClient.Merchant merchant = counter("merchantId", merchantId);
        if (staff.storeId() != null && !staff.storeId().equals(merchant.storeId())) {
            throw new DomainException(HttpStatus.FORBIDDEN, "OTHER_STORE", "This counter belongs to another store than yours");
        }
        return merchant;
    }

    private long member(MemberKey key, String value) {
        if (key == MemberKey.MEMBER_ID) {
            long id;
            try {
                id = Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new DomainException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "member.value must be a member id");
            }
            return references.member("member.value", id);
        }
        try {
            return directory.lookup(key.name(), value).id();
        } catch (RuntimeException e) {
            if (RemoteRejection.in(e).filter(r -> r.status() == 404 || r.status() == 400).isPresent()) {
                throw new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, "UNKNOWN_MEMBER",
                        "No member of this tenant has this " + key.name().toLowerCase().replace('_', ' '));
            }
            throw e;
        }
    }
}

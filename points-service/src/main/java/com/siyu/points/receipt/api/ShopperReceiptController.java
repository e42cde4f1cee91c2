package com.siyu.points.receipt.api;

import com.siyu.common.web.MemberOnly;
import com.siyu.points.receipt.domain.ReceiptClaiming;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A shopper claims points for a counter's receipt by photo (拍小票积分) and follows their claims. */
@RestController
@Validated
@RequestMapping("/api/v1/points/receipt-claims")
class ShopperReceiptController {

    private final ReceiptClaiming claiming;

    ShopperReceiptController(ReceiptClaiming claiming) {
        this.claiming = claiming;
    }

    /**
     * @param photoRef where the mini-program uploaded the photo: an https URL or an object-storage key
     */
    record ReceiptClaimRequest(@NotNull @Positive Long merchantId,
                               @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String receiptNo,
                               @NotNull @Positive @Max(100_000_000_000L) Long amountFen,
                               @NotNull LocalDate purchasedOn,
                               @NotBlank @Pattern(regexp = "(https://[A-Za-z0-9._~:/?#@!$&'()*+,;=%-]{1,500}|[A-Za-z0-9._/-]{1,500})")
                               String photoRef) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ReceiptClaimResponse submit(@Valid @RequestBody ReceiptClaimRequest r) {
        long member = MemberOnly.require();
        return ReceiptClaimResponse.of(claiming.submit(member,
                new ReceiptClaiming.Submission(r.merchantId(), r.receiptNo(), r.amountFen(), r.purchasedOn(), r.photoRef())));
    }

    /** The shopper's own claims, newest first; page with {@code before} = the last id seen. */
    @GetMapping
    List<ReceiptClaimResponse> mine(@RequestParam(required = false) @Positive Long before,
                                    @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        long member = MemberOnly.require();
        return claiming.ofMember(member, before, size).stream().map(ReceiptClaimResponse::of).toList();
    }
}

package com.siyu.member.tenant.api;

import com.siyu.common.web.StaffOnly;
import com.siyu.member.tenant.domain.Merchant;
import com.siyu.member.tenant.domain.Merchants;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MerchantController {

    private final Merchants merchants;

    MerchantController(Merchants merchants) {
        this.merchants = merchants;
    }

    @PostMapping("/admin/v1/member/stores/{storeId}/merchants")
    @ResponseStatus(HttpStatus.CREATED)
    Merchant add(@PathVariable long storeId, @Valid @RequestBody MerchantRequest request) {
        StaffOnly.require("TENANT_ADMIN", "MANAGER");
        return merchants.add(storeId, request.code(), request.brand(), request.category(), request.cashierQrId());
    }

    @GetMapping("/admin/v1/member/merchants")
    List<Merchant> list(@RequestParam(required = false) Long storeId) {
        StaffOnly.require();
        return merchants.list(storeId);
    }

    /** The shopper scanned a counter's cashier code: which store and counter is it (of the shopper's mall)? */
    @GetMapping("/api/v1/member/cashier-codes/{qr}")
    Merchant scan(@PathVariable String qr) {
        return merchants.byQr(qr);
    }

    @GetMapping("/internal/merchants/{id}")
    Merchant internal(@PathVariable long id) {
        return merchants.get(id);
    }

    record MerchantRequest(@NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,32}") String code, @NotBlank @Size(max = 100) String brand,
                           @NotBlank @Size(max = 40) String category, @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{6,64}") String cashierQrId) {
    }
}

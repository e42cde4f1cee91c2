package com.siyu.member.staff.api;

import com.siyu.common.web.StaffOnly;
import com.siyu.member.staff.domain.StaffAccount;
import com.siyu.member.staff.domain.StaffAccounts;
import com.siyu.member.staff.domain.StaffRole;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The tenant admin manages staff accounts (operators, guides, cashiers, service agents, managers). */
@RestController
class StaffAdminController {

    private final StaffAccounts staff;

    StaffAdminController(StaffAccounts staff) {
        this.staff = staff;
    }

    @PostMapping("/admin/v1/member/staff")
    @ResponseStatus(HttpStatus.CREATED)
    StaffView create(@Valid @RequestBody NewStaffRequest request) {
        StaffOnly.require("TENANT_ADMIN");
        return StaffView.of(staff.createAt(request.username(), request.displayName(), request.password(), request.roles(),
                request.storeId(), request.merchantId()));
    }

    @GetMapping("/admin/v1/member/staff")
    List<StaffView> list() {
        StaffOnly.require("TENANT_ADMIN", "MANAGER");
        return staff.list().stream().map(StaffView::of).toList();
    }

    record NewStaffRequest(@NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{3,64}") String username, @NotBlank @Size(max = 64) String displayName,
                           @NotBlank @Size(min = 10, max = 72) String password, @NotEmpty @Size(max = 6) Set<StaffRole> roles,
                           @Positive Long storeId, @Positive Long merchantId) {
    }

    record StaffView(long id, String username, String displayName, Set<StaffRole> roles, Long storeId, boolean locked) {
        static StaffView of(StaffAccount a) {
            return new StaffView(a.id(), a.username(), a.displayName(), a.roles(), a.storeId(), a.lockedUntil() != null);
        }
    }
}

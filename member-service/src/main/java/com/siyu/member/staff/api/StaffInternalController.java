package com.siyu.member.staff.api;

import com.siyu.member.staff.domain.StaffAccount;
import com.siyu.member.staff.domain.StaffAccounts;
import com.siyu.member.staff.domain.StaffRole;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** For other services: a staff account of the caller's tenant (guide-service enrols GUIDE accounts as guides); 404 otherwise. */
@RestController
class StaffInternalController {

    private final StaffAccounts staff;

    StaffInternalController(StaffAccounts staff) {
        this.staff = staff;
    }

    record StaffRef(long id, String displayName, Set<StaffRole> roles, Long storeId) {
    }

    @GetMapping("/internal/staff/{id}")
    StaffRef get(@PathVariable long id) {
        StaffAccount account = staff.get(id);
        return new StaffRef(account.id(), account.displayName(), account.roles(), account.storeId());
    }
}

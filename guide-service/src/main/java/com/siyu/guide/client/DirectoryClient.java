package com.siyu.guide.client;

import java.util.Set;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** member-service's staff accounts and counters, as guide enrolment checks them (404 when not the caller's tenant's). */
@FeignClient(name = "member-service", contextId = "guideDirectoryClient")
public interface DirectoryClient {

    @GetMapping("/internal/staff/{id}")
    StaffRef staff(@PathVariable("id") long id);

    @GetMapping("/internal/merchants/{id}")
    CounterRef merchant(@PathVariable("id") long id);

    /** The caller's tenant (its time zone: leaderboards count days in mall time). */
    @GetMapping("/internal/tenants/current")
    TenantView currentTenant();

    record TenantView(long id, String code, String timeZone) {
    }

    record StaffRef(long id, String displayName, Set<String> roles, Long storeId) {
    }

    record CounterRef(long id, Long storeId) {
    }
}

package com.siyu.member.tenant.api;

import com.siyu.member.tenant.domain.TenantDirectory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** For other services (Feign): a store of the caller's tenant, 404 for any other. */
@RestController
class StoreInternalController {

    private final TenantDirectory directory;

    StoreInternalController(TenantDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/internal/stores/{id}")
    StoreResponse get(@PathVariable long id) {
        return StoreResponse.of(directory.store(id));
    }
}

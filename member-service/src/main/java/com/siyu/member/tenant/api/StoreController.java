package com.siyu.member.tenant.api;

import com.siyu.common.web.StaffOnly;
import com.siyu.member.tenant.domain.NewStore;
import com.siyu.member.tenant.domain.Store;
import com.siyu.member.tenant.domain.TenantDirectory;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The tenant's stores, for its staff. */
@RestController
@RequestMapping("/admin/v1/member/stores")
class StoreController {

    private final TenantDirectory directory;

    StoreController(TenantDirectory directory) {
        this.directory = directory;
    }

    @GetMapping
    List<StoreResponse> list() {
        StaffOnly.require();
        return directory.stores().stream().map(StoreResponse::of).toList();
    }

    @GetMapping("/{id}")
    StoreResponse get(@PathVariable long id) {
        StaffOnly.require();
        return StoreResponse.of(directory.store(id));
    }

    @PostMapping
    ResponseEntity<StoreResponse> create(@Valid @RequestBody StoreRequest request) {
        StaffOnly.require("TENANT_ADMIN");
        Store store = directory.addStore(new NewStore(request.code(), request.name(), request.address(), request.latitude(), request.longitude()));
        return ResponseEntity.created(URI.create("/admin/v1/member/stores/" + store.id())).body(StoreResponse.of(store));
    }
}

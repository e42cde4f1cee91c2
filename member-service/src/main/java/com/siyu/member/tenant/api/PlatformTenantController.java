package com.siyu.member.tenant.api;

import com.siyu.common.problem.DomainException;
import com.siyu.member.tenant.domain.NewStore;
import com.siyu.member.tenant.domain.NewTenant;
import com.siyu.member.tenant.domain.Tenant;
import com.siyu.member.tenant.domain.TenantDirectory;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Platform onboarding of tenants. Served under {@code /internal}: the gateway never routes it, only
 * the platform's own operators reach it inside the cluster (deploy/siyu.sh seeds the demo tenant with it).
 */
@RestController
@RequestMapping("/internal/platform/tenants")
class PlatformTenantController {

    private final TenantDirectory directory;

    PlatformTenantController(TenantDirectory directory) {
        this.directory = directory;
    }

    @PostMapping
    ResponseEntity<TenantResponse> onboard(@Valid @RequestBody OnboardTenantRequest request) {
        NewTenant tenant = new NewTenant(request.code(), request.name(), request.miniappAppId(), request.miniappSecret(), request.mpAppId(),
                request.corpId(), zone(request.timeZone()),
                request.stores().stream().map(s -> new NewStore(s.code(), s.name(), s.address(), s.latitude(), s.longitude())).toList(),
                request.admin().username(), request.admin().displayName(), request.admin().password());
        Tenant created = directory.onboard(tenant);
        return ResponseEntity.created(URI.create("/internal/platform/tenants/" + created.code())).body(TenantResponse.of(created));
    }

    @GetMapping("/{code}")
    TenantResponse get(@PathVariable String code) {
        return TenantResponse.of(directory.byCode(code));
    }

    /** Sets or rotates the tenant's mini-program credentials. */
    @PutMapping("/{code}/miniapp")
    TenantResponse miniApp(@PathVariable String code, @Valid @RequestBody MiniAppRequest request) {
        return TenantResponse.of(directory.configureMiniApp(code, request.appId(), request.secret()));
    }

    @PostMapping("/{code}/suspension")
    TenantResponse suspend(@PathVariable String code) {
        return TenantResponse.of(directory.setStatus(code, com.siyu.member.tenant.domain.TenantStatus.SUSPENDED));
    }

    @DeleteMapping("/{code}/suspension")
    TenantResponse resume(@PathVariable String code) {
        return TenantResponse.of(directory.setStatus(code, com.siyu.member.tenant.domain.TenantStatus.ACTIVE));
    }

    record MiniAppRequest(@jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Pattern(regexp = "[A-Za-z0-9_-]{1,32}") String appId,
                          @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 64) String secret) {
    }

    private static ZoneId zone(String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            return ZoneId.of("Asia/Shanghai");
        }
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "INVALID_TIME_ZONE", "'" + timeZone + "' is not a known time zone id");
        }
    }
}

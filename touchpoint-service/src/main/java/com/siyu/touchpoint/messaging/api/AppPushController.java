package com.siyu.touchpoint.messaging.api;

import com.siyu.common.web.MemberOnly;
import com.siyu.common.web.StaffOnly;
import com.siyu.touchpoint.messaging.domain.AppPush;
import com.siyu.touchpoint.messaging.domain.PushAccount;
import com.siyu.touchpoint.messaging.domain.PushDevice;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** App push: the tenant's JPush app (the Master Secret sealed, never shown) and the shopper's devices, registered by the app. */
@RestController
@Validated
class AppPushController {

    private static final String REGISTRATION_ID = "[0-9A-Za-z]{6,64}";

    private final AppPush appPush;

    AppPushController(AppPush appPush) {
        this.appPush = appPush;
    }

    /** JPush's AppKey and Master Secret of the mall's app (its console, 应用设置); apnsProduction: iOS pushes to APNs production (default true). */
    record PushAccountRequest(@NotBlank @Pattern(regexp = "[0-9A-Za-z]{24}", message = "must be the app's 24-character AppKey") String appKey,
                              @NotBlank @Size(max = 128) String masterSecret, Boolean apnsProduction) {
    }

    @PutMapping("/admin/v1/touchpoint/app-push")
    AppPush.AccountView setAccount(@Valid @RequestBody PushAccountRequest r) {
        StaffOnly.require("TENANT_ADMIN");
        return appPush.setAccount(new PushAccount(r.appKey(), r.masterSecret(), r.apnsProduction() == null || r.apnsProduction()));
    }

    @GetMapping("/admin/v1/touchpoint/app-push")
    AppPush.AccountView account() {
        StaffOnly.require("TENANT_ADMIN", "OPERATOR");
        return appPush.account();
    }

    /** What the app's JPush SDK gave it (JPushInterface.getRegistrationID) and the platform it runs on. */
    record DeviceRequest(@NotBlank @Pattern(regexp = REGISTRATION_ID, message = "must be JPush's registration id (6 to 64 letters and digits)")
                         String registrationId, @NotNull PushDevice.Platform platform) {
    }

    record DeviceResponse(String registrationId, PushDevice.Platform platform, Instant registeredAt) {
    }

    record DevicesResponse(List<DeviceResponse> devices) {

        static DevicesResponse of(List<PushDevice> devices) {
            return new DevicesResponse(devices.stream().map(d -> new DeviceResponse(d.registrationId(), d.platform(), d.registeredAt())).toList());
        }
    }

    /** The signed-in shopper's device (again on every app start: still one device; another member's moves to this one). */
    @PutMapping("/api/v1/touchpoint/push-devices")
    DevicesResponse register(@Valid @RequestBody DeviceRequest r) {
        return DevicesResponse.of(appPush.register(MemberOnly.require(), r.registrationId(), r.platform()));
    }

    @GetMapping("/api/v1/touchpoint/push-devices")
    DevicesResponse devices() {
        return DevicesResponse.of(appPush.devices(MemberOnly.require()));
    }

    /** Signing out: the device gets no more pushes of this shopper's (200 with those left, also when it was not theirs). */
    @DeleteMapping("/api/v1/touchpoint/push-devices/{registrationId}")
    DevicesResponse unregister(@PathVariable @Pattern(regexp = REGISTRATION_ID) String registrationId) {
        return DevicesResponse.of(appPush.unregister(MemberOnly.require(), registrationId));
    }
}

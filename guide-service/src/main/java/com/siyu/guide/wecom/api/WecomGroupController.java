package com.siyu.guide.wecom.api;

import com.siyu.common.context.Caller;
import com.siyu.common.problem.DomainException;
import com.siyu.common.web.StaffOnly;
import com.siyu.guide.roster.domain.Guide;
import com.siyu.guide.roster.domain.GuideScope;
import com.siyu.guide.roster.domain.Roster;
import com.siyu.guide.wecom.domain.WecomGroup;
import com.siyu.guide.wecom.domain.WecomGroups;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Customer groups (社群): sync from WeCom, lists per guide / store / tenant, a group's days, group QR codes. */
@RestController
@Validated
class WecomGroupController {

    static final String CHAT_ID = "[A-Za-z0-9_-]{1,64}";

    private final WecomGroups groups;
    private final Roster roster;

    WecomGroupController(WecomGroups groups, Roster roster) {
        this.groups = groups;
        this.roster = roster;
    }

    record GroupResponse(String chatId, String name, String ownerUserId, Long ownerGuideId, String status, int members, Instant createdAt,
                         Instant syncedAt) {
        static GroupResponse of(WecomGroup g) {
            return new GroupResponse(g.chatId(), g.name(), g.ownerUserId(), g.ownerGuideId(), g.status(), g.members(), g.createdAt(), g.syncedAt());
        }
    }

    /** Reads every customer group of the tenant's WeCom guides now (callbacks keep them current after). */
    @PostMapping("/admin/v1/guide/wecom/group-syncs")
    WecomGroups.Synced sync() {
        StaffOnly.require("TENANT_ADMIN", "OPERATOR");
        return groups.sync();
    }

    /** A guide their own groups, a store's manager the store's guides', admins and operators all. */
    @GetMapping("/admin/v1/guide/wecom/groups")
    List<GroupResponse> list() {
        Caller staff = StaffOnly.require("TENANT_ADMIN", "OPERATOR", "MANAGER", "GUIDE");
        return groups.list(owners(staff)).stream().map(GroupResponse::of).toList();
    }

    record DaysResponse(GroupResponse group, List<WecomGroup.Day> days) {
    }

    @GetMapping("/admin/v1/guide/wecom/groups/{chatId}/days")
    DaysResponse days(@PathVariable @Pattern(regexp = CHAT_ID) String chatId,
                      @RequestParam @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                      @RequestParam @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        Caller staff = StaffOnly.require("TENANT_ADMIN", "OPERATOR", "MANAGER", "GUIDE");
        WecomGroup group = groups.get(chatId);
        List<Long> owners = owners(staff);
        if (owners != null && (group.ownerGuideId() == null || !owners.contains(group.ownerGuideId()))) {
            throw DomainException.notFound("WeCom group", chatId);
        }
        return new DaysResponse(GroupResponse.of(group), groups.days(chatId, from, to));
    }

    record GroupCodeRequest(@NotBlank @Pattern(regexp = "[A-Za-z0-9_.:-]{1,64}", message = "must be 1-64 letters, digits or . _ : -") String name,
                            @NotEmpty @Size(max = 5) List<@NotNull @Pattern(regexp = CHAT_ID) String> chatIds,
                            @NotBlank @Size(max = 40) String roomBaseName) {
    }

    @PostMapping("/admin/v1/guide/wecom/group-codes")
    ResponseEntity<WecomGroups.GroupCode> createCode(@Valid @RequestBody GroupCodeRequest request) {
        Caller staff = StaffOnly.require("TENANT_ADMIN", "OPERATOR");
        WecomGroups.GroupCode code = groups.createCode(request.name(), request.chatIds(), request.roomBaseName(), staff.staffId());
        return ResponseEntity.created(URI.create("/admin/v1/guide/wecom/group-codes/" + code.id())).body(code);
    }

    /** The guides whose groups the caller sees, or null for all of the tenant's. */
    private List<Long> owners(Caller staff) {
        if (staff.hasAnyRole("TENANT_ADMIN", "OPERATOR")) {
            return null;
        }
        if (staff.hasAnyRole("MANAGER")) {
            Long store = GuideScope.storeOf(staff);
            return store == null ? null : roster.list(store).stream().map(Guide::id).toList();
        }
        return roster.findOfStaff(staff.staffId()).map(g -> List.of(g.id())).orElse(List.of());
    }
}

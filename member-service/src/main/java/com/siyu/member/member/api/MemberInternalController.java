package com.siyu.member.member.api;

import com.siyu.member.member.domain.Members;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** For other services (Feign): does this member exist in the caller's tenant? */
@RestController
class MemberInternalController {

    private final Members members;

    MemberInternalController(Members members) {
        this.members = members;
    }

    @GetMapping("/internal/members/{id}")
    MemberResponse get(@PathVariable long id) {
        return MemberResponse.of(members.get(id));
    }

    record KnownMembersRequest(@NotNull @Size(min = 1, max = 5000) List<@NotNull @Positive Long> ids) {
    }

    record KnownMembers(List<Long> active) {
    }

    /** Which of the ids are the caller's tenant's active members (a grant batch checks its list in one call). */
    @PostMapping("/internal/members/known")
    KnownMembers known(@Valid @RequestBody KnownMembersRequest request) {
        return new KnownMembers(members.activeAmong(request.ids()).stream().sorted().toList());
    }

    record DormantRequest(@NotNull @Size(min = 1, max = 5000) List<@NotNull @Positive Long> ids, @NotNull java.time.Instant since) {
    }

    record Dormant(long id, java.time.Instant lastSeenAt) {
    }

    /** guide-service's dormant-member tasks: which of the ids have not visited since {@code since} (registered before it). */
    @PostMapping("/internal/members/dormant")
    List<Dormant> dormant(@Valid @RequestBody DormantRequest request) {
        return members.dormantAmong(request.ids(), request.since()).entrySet().stream().map(e -> new Dormant(e.getKey(), e.getValue())).toList();
    }

    record BirthdaysRequest(@NotNull @Size(min = 1, max = 5000) List<@NotNull @Positive Long> ids,
                            @NotNull @Size(min = 1, max = 32) List<@NotNull MonthDay> days) {
    }

    record Birthday(long id, LocalDate birthday) {
    }

    /** guide-service's birthday tasks: which of the ids have a birthday on one of the days ("--MM-dd"). */
    @PostMapping("/internal/members/birthdays")
    List<Birthday> birthdays(@Valid @RequestBody BirthdaysRequest request) {
        return members.birthdaysAmong(request.ids(), request.days()).entrySet().stream().map(e -> new Birthday(e.getKey(), e.getValue())).toList();
    }

    record ContactsRequest(@NotNull @Size(min = 1, max = 1000) List<@NotNull @Positive Long> ids) {
    }

    /** touchpoint-service's campaign sends: the active members' nickname, primary phone (SMS) and home store. */
    @PostMapping("/internal/members/contacts")
    List<com.siyu.member.member.domain.MemberRepository.Contact> contacts(@Valid @RequestBody ContactsRequest request) {
        return members.contactsAmong(request.ids());
    }
}

package com.siyu.guide.client;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** member-service's members as guide-service needs them: whether a member is the caller's tenant's (404 otherwise), and
 * who a WeCom contact is. */
@FeignClient(name = "member-service", contextId = "guideMemberClient")
public interface MemberClient {

    @GetMapping("/internal/members/{id}")
    Object member(@PathVariable("id") long id);

    /** The member behind a WeCom external contact (by the id recorded before, else its unionid); 404 when unknown. */
    @PostMapping("/internal/members/wecom-contacts")
    MemberRef wecomContact(@RequestBody WecomContactQuery query);

    record WecomContactQuery(String corpId, String externalUserId, String unionId) {
    }

    record MemberRef(long id) {
    }

    /** Which of these members (at most 5000) have not been seen since {@code since}, with when they last were. */
    @PostMapping("/internal/members/dormant")
    java.util.List<Dormant> dormant(@RequestBody DormantQuery query);

    record DormantQuery(java.util.List<Long> ids, java.time.Instant since) {
    }

    record Dormant(long id, java.time.Instant lastSeenAt) {
    }

    /** Gives the member a manual tag (created when new); the member's tags. */
    @PostMapping("/internal/members/{id}/tags")
    Object tag(@PathVariable("id") long id, @RequestBody TagRequest tag);

    record TagRequest(String name) {
    }

    /** Which of these members (at most 5000) have a birthday on one of the days (month and day), with the birthday. */
    @PostMapping("/internal/members/birthdays")
    java.util.List<Birthday> birthdays(@RequestBody BirthdayQuery query);

    record BirthdayQuery(java.util.List<Long> ids, java.util.List<java.time.MonthDay> days) {
    }

    record Birthday(long id, java.time.LocalDate birthday) {
    }
}

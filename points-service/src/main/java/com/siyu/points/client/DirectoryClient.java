package com.siyu.points.client;

import java.time.Instant;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * member-service's tenant directory as points-service needs it: whether a store or a counter is the
 * caller's tenant's (404 otherwise), the counter's store, a member by phone or card, and a POS sale's growth.
 */
@FeignClient(name = "member-service", contextId = "pointsDirectoryClient")
public interface DirectoryClient {

    @GetMapping("/internal/stores/{id}")
    Object store(@PathVariable("id") long id);

    @GetMapping("/internal/merchants/{id}")
    Merchant merchant(@PathVariable("id") long id);

    /** 404 when the tenant has no member with this id in this channel. */
    @GetMapping("/internal/members/lookup")
    MemberRef lookup(@RequestParam("kind") String kind, @RequestParam("value") String value);

    /** Growth, spend and a visit, once per {@code bizId}. */
    @PostMapping("/internal/members/{id}/growth")
    void growth(@PathVariable("id") long id, @RequestBody Growth growth);

    /** Takes back a refunded purchase's growth and spend, once per refund. */
    @PostMapping("/internal/members/growth-reversals")
    void reverseGrowth(@RequestBody GrowthReversal reversal);

    record Merchant(long id, Long storeId, String category) {
    }

    record MemberRef(long id) {
    }

    record Growth(String bizId, long spendFen, Long storeId, String category, Instant occurredAt) {
    }

    record GrowthReversal(String purchaseBizId, String refundBizId, long spendFen, Long storeId, String category, Instant occurredAt) {
    }
}

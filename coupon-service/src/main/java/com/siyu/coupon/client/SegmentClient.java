package com.siyu.coupon.client;

import java.util.List;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** member-service's segment evaluation: member ids page by page (keyset on the id). */
@FeignClient(name = "member-service", contextId = "couponSegmentClient")
public interface SegmentClient {

    /** 404 (a RemoteRejection) when the segment is not one of the caller's tenant. */
    @GetMapping("/internal/segments/{id}/members")
    Page members(@PathVariable("id") long segmentId, @RequestParam("after") long after, @RequestParam("size") int size);

    /** {@code next} is the id to continue after, -1 on the last page. */
    record Page(List<Long> memberIds, long next) {
    }
}

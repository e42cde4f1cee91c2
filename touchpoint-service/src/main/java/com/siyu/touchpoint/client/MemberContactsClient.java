package com.siyu.touchpoint.client;

import java.util.List;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/** member-service: the members a campaign reaches (a segment, page by page) and what they are addressed with. */
@FeignClient(name = "member-service", contextId = "touchpointMemberContactsClient")
public interface MemberContactsClient {

    /** The active members among the ids (at most 1,000): nickname, primary phone, home store. */
    @PostMapping("/internal/members/contacts")
    List<Contact> contacts(@RequestBody Query query);

    record Query(List<Long> ids) {
    }

    record Contact(long id, String nickname, String phone, Long storeId) {
    }

    /** 404 (a RemoteRejection) when the segment is not one of the caller's tenant; {@code next} is -1 on the last page. */
    @GetMapping("/internal/segments/{id}/members")
    SegmentPage segment(@PathVariable("id") long segmentId, @RequestParam("after") long after, @RequestParam("size") int size);

    record SegmentPage(List<Long> memberIds, long next) {
    }

    /** The segment of that name (made with the rule when absent); 409 SEGMENT_NAME_TAKEN when the name has another rule. */
    @PostMapping("/internal/segments/ensure")
    SegmentRef ensureSegment(@RequestBody NewSegment segment);

    /** rule: member-service's {"all": [{"field", "op", "value"}, …]}. */
    record NewSegment(String name, java.util.Map<String, Object> rule) {
    }

    record SegmentRef(long id, String name) {
    }
}

package com.siyu.member.profile.api;

import com.siyu.common.web.StaffOnly;
import com.siyu.member.member.api.MemberResponse;
import com.siyu.member.profile.domain.Profile;
import com.siyu.member.profile.domain.ProfileGuide;
import com.siyu.member.profile.domain.Profiles;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ProfileController {

    private final Profiles profiles;

    ProfileController(Profiles profiles) {
        this.profiles = profiles;
    }

    @GetMapping("/admin/v1/member/members/{id}/profile")
    ProfileResponse profile(@PathVariable long id) {
        StaffOnly.require();
        Profile p = profiles.of(id);
        return new ProfileResponse(MemberResponse.of(p.member()), p.identityKinds(),
                p.tags().stream().map(t -> new TagResponse(t.tagId(), t.name(), t.kind().name())).toList(), p.spendByStoreFen(),
                p.spendByCategoryFen(), p.pointsBalance(), GuideResponse.of(p.guide()));
    }

    record ProfileResponse(MemberResponse member, List<String> identities, List<TagResponse> tags, Map<Long, Long> spendByStoreFen,
                           Map<String, Long> spendByCategoryFen, Long pointsBalance,
                           GuideResponse guide) {
    }

    /** {@code kind}: MANUAL (put on by staff) or RULE (the tag's rule matched the member at its last evaluation). */
    record TagResponse(long tagId, String name, String kind) {
    }

    /** {@code state}: BOUND (with the guide), NONE, or UNAVAILABLE when guide-service could not be asked. */
    record GuideResponse(String state, Long guideId, String name, Long storeId) {
        static GuideResponse of(ProfileGuide guide) {
            return new GuideResponse(guide.state().name(), guide.guideId(), guide.name(), guide.storeId());
        }
    }
}

package com.siyu.member.profile.domain;

import com.siyu.common.feign.RemoteRejection;
import com.siyu.member.client.GuideClient;
import com.siyu.member.client.PointsClient;
import com.siyu.member.identity.domain.Identity;
import com.siyu.member.identity.domain.IdentityRepository;
import com.siyu.member.member.domain.Member;
import com.siyu.member.member.domain.Members;
import com.siyu.member.segment.domain.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** The member 360 profile. A read: if points-service or guide-service is down the profile still shows, without their part. */
@Service
public class Profiles {

    private static final Logger log = LoggerFactory.getLogger(Profiles.class);

    private final Members members;
    private final IdentityRepository identities;
    private final Tags tags;
    private final ProfileRepository stats;
    private final PointsClient points;
    private final GuideClient guides;

    public Profiles(Members members, IdentityRepository identities, Tags tags, ProfileRepository stats, PointsClient points,
                    GuideClient guides) {
        this.members = members;
        this.identities = identities;
        this.tags = tags;
        this.stats = stats;
        this.points = points;
        this.guides = guides;
    }

    public Profile of(long memberId) {
        Member member = members.resolve(memberId);
        return new Profile(member, identities.of(member.id()).stream().map(Identity::kind).map(Enum::name).distinct().toList(),
                tags.of(member.id()), stats.spendByStore(member.id()), stats.spendByCategory(member.id()), balance(member.id()),
                guide(member.id()));
    }

    private ProfileGuide guide(long memberId) {
        try {
            GuideClient.GuideView guide = guides.guideOf(memberId);
            return new ProfileGuide(ProfileGuide.State.BOUND, guide.guideId(), guide.guideName(), guide.storeId());
        } catch (RuntimeException failed) {
            // guide-service said no (404 GUIDE_NOT_BOUND), possibly wrapped by the circuit breaker
            if (RemoteRejection.in(failed).isPresent()) {
                return ProfileGuide.NONE;
            }
            RuntimeException unavailable = failed;
            log.warn("Guide of member {} unavailable: {}", memberId, unavailable.toString());
            return ProfileGuide.UNAVAILABLE;
        }
    }

    private Long balance(long memberId) {
        try {
            return points.account(memberId).balance();
        } catch (RemoteRejection noAccount) {
            return 0L;
        } catch (RuntimeException unavailable) {
            log.warn("Points balance of member {} unavailable: {}", memberId, unavailable.toString());
            return null;
        }
    }
}

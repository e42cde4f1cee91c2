package com.siyu.member.profile.domain;

import com.siyu.member.member.domain.Member;
import com.siyu.member.segment.domain.MemberTag;
import java.util.List;
import java.util.Map;

/**
 * What a guide sees when a member walks in: who they are, where they shop, what they buy, their tier
 * and points, their tags (manual and rule tags, each marked) and their exclusive guide. {@code pointsBalance} is null when points-service could not be asked right now;
 * {@code guide} says UNAVAILABLE when guide-service could not.
 */
public record Profile(Member member, List<String> identityKinds, List<MemberTag> tags, Map<Long, Long> spendByStoreFen,
                      Map<String, Long> spendByCategoryFen, Long pointsBalance,
                      ProfileGuide guide) {
}

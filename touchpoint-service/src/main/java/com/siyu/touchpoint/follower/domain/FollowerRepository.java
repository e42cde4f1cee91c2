package com.siyu.touchpoint.follower.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The official account's push settings and followers (infra: JDBC), inside the tenant in context unless said. */
public interface FollowerRepository {

    Optional<MpPushAccount> pushAccount();

    void savePushAccount(MpPushAccount account, Instant now);

    /** Follows (again): subscribed, the interaction moved forward to {@code at} (never back); the member if known. */
    void followed(String openId, Long memberId, Instant at, Instant now);

    void unfollowed(String openId, Instant at, Instant now);

    /** A message, menu click or scan: the interaction moved forward to {@code at} (a follower we had not heard of is recorded). */
    void interacted(String openId, Instant at, Instant now);

    Optional<Follower> follower(String openId);

    Map<String, Follower> followers(Collection<String> openIds);

    /** A match was tried: the member when found (a member already recorded stays), and when it was tried. */
    void matchTried(String openId, Long memberId, Instant now);

    /** Across tenants: followers without a member, active since {@code since}, those tried longest ago first (for the re-match job). */
    Map<Long, List<String>> unmatched(Instant since, int perTenant);
}

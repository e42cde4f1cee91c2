package com.siyu.touchpoint.follower.domain;

import com.siyu.common.context.Caller;
import com.siyu.common.context.CallerContext;
import com.siyu.common.feign.RemoteRejection;
import com.siyu.common.problem.DomainException;
import com.siyu.touchpoint.client.MemberMpClient;
import com.siyu.touchpoint.support.domain.PushSignatureInvalid;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The official account's message push: every call checked against the tenant's Token and decrypted with its
 * EncodingAESKey. A follow records the follower and finds their member (the follower's unionid from WeChat, then
 * member-service, which records the openid on the member: the cashier's "follow us" makes a member reachable on the
 * official account); an unfollow ends it; any message, menu click or scan opens WeChat's 48-hour window for
 * customer-service messages. Repeated pushes change nothing more (times only move forward). Followers whose member
 * was not known are matched again hourly for 90 days (they may sign in to the mini-program later).
 */
@Service
public class Followers {

    private static final Logger log = LoggerFactory.getLogger(Followers.class);
    static final Duration REMATCH_FOR = Duration.ofDays(90);

    private final FollowerRepository followers;
    private final OfficialAccountPush push;
    private final MemberMpClient members;
    private final Clock clock;

    public Followers(FollowerRepository followers, OfficialAccountPush push, MemberMpClient members, Clock clock) {
        this.followers = followers;
        this.push = push;
        this.members = members;
        this.clock = clock;
    }

    public void setPushAccount(MpPushAccount account) {
        followers.savePushAccount(account, clock.instant());
    }

    public boolean pushConfigured() {
        return followers.pushAccount().isPresent();
    }

    public String verifyUrl(String signature, String timestamp, String nonce, String echostr) {
        if (!push.signed(account(), signature, timestamp, nonce)) {
            throw new PushSignatureInvalid();
        }
        return echostr;
    }

    public void receive(String signature, String msgSignature, String timestamp, String nonce, String body) {
        MpPushAccount account = account();
        if (!push.signed(account, signature, timestamp, nonce)) {
            throw new PushSignatureInvalid();
        }
        OfficialAccountPush.Inbound message = push.open(account, msgSignature, timestamp, nonce, body);
        Instant now = clock.instant();
        Instant at = message.at().isAfter(now) ? now : message.at();
        String event = "event".equals(message.msgType()) && message.event() != null ? message.event().toLowerCase(java.util.Locale.ROOT) : "";
        switch (event) {
            case "subscribe" -> followers.followed(message.openId(), memberOf(message.openId()).orElse(null), at, now);
            case "unsubscribe" -> followers.unfollowed(message.openId(), at, now);
            // template and subscription delivery reports are WeChat's, not the follower's doing: no window
            case "templatesendjobfinish", "subscribe_msg_sent_event" -> {
            }
            default -> followers.interacted(message.openId(), at, now);
        }
    }

    /** The followers among the openids, by openid (the customer-service channel checks each one's window). */
    public Map<String, Follower> followers(java.util.Collection<String> openIds) {
        return followers.followers(openIds);
    }

    @Scheduled(fixedDelayString = "${siyu.touchpoint.follower-rematch-interval:PT1H}", initialDelayString = "${siyu.touchpoint.follower-rematch-initial-delay:PT2M}")
    @SchedulerLock(name = "touchpoint.follower-rematch", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    public void scheduledRematch() {
        rematch(clock.instant());
    }

    /** Followers of every tenant still without a member: matched again (at most 200 per tenant a pass); how many were matched. */
    public int rematch(Instant now) {
        int matched = 0;
        for (Map.Entry<Long, List<String>> tenant : followers.unmatched(now.minus(REMATCH_FOR), 200).entrySet()) {
            matched += CallerContext.callAs(Caller.system(tenant.getKey()), () -> {
                int n = 0;
                for (String openId : tenant.getValue()) {
                    Optional<Long> member = memberOf(openId);
                    followers.matchTried(openId, member.orElse(null), now);
                    if (member.isPresent()) {
                        n++;
                    }
                }
                return n;
            });
        }
        return matched;
    }

    private Optional<Long> memberOf(String openId) {
        Optional<String> appId = push.appId();
        if (appId.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(members.follower(new MemberMpClient.Follower(appId.get(), openId, push.unionIdOf(openId).orElse(null))).id());
        } catch (RuntimeException e) {
            if (RemoteRejection.in(e).isEmpty()) {
                // member-service busy: the follow is kept and matched again later
                log.warn("Could not match a follower to a member now: {}", e.toString());
            }
            return Optional.empty();
        }
    }

    private MpPushAccount account() {
        return followers.pushAccount().orElseThrow(() -> DomainException.notFound("Official-account message push settings", "of this tenant"));
    }
}

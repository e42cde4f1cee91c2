package com.siyu.guide.wecom.domain;

import com.siyu.guide.binding.domain.BindingSource;
import com.siyu.guide.binding.domain.Bindings;
import com.siyu.guide.binding.domain.GuideNotActive;
import com.siyu.guide.roster.domain.Guide;
import com.siyu.guide.roster.domain.GuideStatus;
import com.siyu.guide.roster.domain.Roster;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * WeCom's callbacks for the tenant's corp, verified and decrypted, each applied once: a shopper adding a guide
 * (add_external_contact) is found in member-service's identity graph (the external id recorded before, else the
 * contact's unionid), becomes the guide's contact, is a WECOM touch of the binding rules (the contact code's channel
 * recorded) and gets the welcome message through WeCom's welcome_code, at most once; a shopper deleting the guide
 * (del_follow_user) marks the contact LOST and, when it was the bound guide, the binding; a transfer WeCom could
 * not finish (transfer_fail) settles that customer's transfer; a customer group's change (change_external_chat)
 * refreshes the group from WeCom. A callback that fails half way is forgotten and
 * answered with an error, so WeCom's redelivery applies it again (every step is idempotent).
 */
@Service
public class WecomCallbacks {

    private static final Logger log = LoggerFactory.getLogger(WecomCallbacks.class);

    private final WecomCorps corps;
    private final WecomApi wecom;
    private final WecomRepository repository;
    private final ContactCodeRepository codes;
    private final WecomTransfers transfers;
    private final Roster roster;
    private final Bindings bindings;
    private final WecomMembers members;
    private final WecomGroups groups;
    private final Clock clock;

    public WecomCallbacks(WecomCorps corps, WecomApi wecom, WecomRepository repository, ContactCodeRepository codes, WecomTransfers transfers,
                          Roster roster, Bindings bindings, WecomMembers members, WecomGroups groups, Clock clock) {
        this.corps = corps;
        this.wecom = wecom;
        this.repository = repository;
        this.codes = codes;
        this.transfers = transfers;
        this.roster = roster;
        this.bindings = bindings;
        this.members = members;
        this.groups = groups;
        this.clock = clock;
    }

    public String verifyUrl(String signature, String timestamp, String nonce, String echostr) {
        return wecom.echo(corps.require(), signature, timestamp, nonce, echostr);
    }

    /** Applies a callback; returns what came of it (also recorded with the callback). */
    public String receive(String signature, String timestamp, String nonce, String body) {
        WecomCorp corp = corps.require();
        WecomCallback callback = wecom.open(corp, signature, timestamp, nonce, body);
        Instant now = clock.instant();
        if (!repository.recordCallback(callback, now)) {
            return "DUPLICATE";
        }
        try {
            String outcome = apply(corp, callback, now);
            repository.callbackOutcome(callback.digest(), outcome);
            return outcome;
        } catch (RuntimeException e) {
            repository.forgetCallback(callback.digest());
            throw e;
        }
    }

    private String apply(WecomCorp corp, WecomCallback callback, Instant now) {
        if ("change_external_chat".equals(callback.event())) {
            return groups.changed(corp, callback.chatId(), callback.changeType(), now);
        }
        if (!"change_external_contact".equals(callback.event())) {
            return "IGNORED " + callback.event();
        }
        if (callback.userId() == null || callback.externalUserId() == null) {
            return "IGNORED without UserID/ExternalUserID";
        }
        return switch (String.valueOf(callback.changeType())) {
            case "add_external_contact", "add_half_external_contact" -> added(corp, callback, now);
            case "del_follow_user" -> gone(callback, WecomContact.Status.LOST, now);
            case "del_external_contact" -> gone(callback, WecomContact.Status.REMOVED, now);
            case "transfer_fail" -> transfers.failedInWecom(callback.userId(), callback.externalUserId(), callback.failReason(), now);
            default -> "IGNORED " + callback.changeType();
        };
    }

    private String added(WecomCorp corp, WecomCallback callback, Instant now) {
        Optional<Guide> guide = roster.findByWecomUser(callback.userId());
        Long memberId = members.memberOf(corp, callback.externalUserId(), null);
        Optional<ContactCode> code = Optional.of(ContactCode.idOfState(callback.state())).filter(id -> id > 0).flatMap(codes::find);
        String channel = code.map(ContactCode::channel).orElse(null);
        WecomContact contact = repository.saveContact(callback.userId(), callback.externalUserId(), guide.map(Guide::id).orElse(null), memberId,
                code.map(ContactCode::id).orElse(null), channel, now);
        String outcome;
        if (guide.isEmpty()) {
            outcome = "UNKNOWN_GUIDE";
        } else if (memberId == null) {
            outcome = "UNKNOWN_MEMBER";
        } else if (guide.get().status() != GuideStatus.ACTIVE) {
            outcome = "GUIDE_NOT_ACTIVE";
        } else {
            outcome = bind(memberId, guide.get(), channel);
        }
        if (memberId != null && code.isPresent() && !code.get().tags().isEmpty()) {
            outcome += "; " + members.tag(memberId, code.get().tags());
        }
        if (callback.welcomeCode() != null && !callback.welcomeCode().isBlank()) {
            outcome += "; welcome " + welcome(corp, callback.welcomeCode(), contact, guide.map(Guide::name).orElse(null),
                    code.map(ContactCode::welcomeText).orElse(null), now);
        }
        return outcome;
    }

    /** A WECOM touch of the binding rules (also for a contact matched later, {@link WecomRematch}). */
    String bind(long memberId, Guide guide, String channel) {
        try {
            Bindings.Touched touched = bindings.touch(new Bindings.Touch(memberId, guide.id(), BindingSource.WECOM, channel, null,
                    "added the guide on WeCom"));
            repository.bindingContactLost(memberId, guide.id(), null);
            return touched.decision().name();
        } catch (GuideNotActive e) {
            return "GUIDE_NOT_ACTIVE";
        }
    }

    /** Once per welcome_code: a redelivered add (or a second add with the same code) sends nothing. */
    private String welcome(WecomCorp corp, String welcomeCode, WecomContact contact, String guideName, String codeText, Instant now) {
        if (!repository.claimWelcome(welcomeCode, contact.id(), now)) {
            return "ALREADY_SENT";
        }
        try {
            wecom.sendWelcome(corp, welcomeCode, corp.welcomeFor(guideName, codeText));
            repository.welcomeResult(welcomeCode, "SENT", null);
            return "SENT";
        } catch (WecomRejected | WecomUnavailable e) {
            // a welcome_code lives 20 seconds and is single-use: no retry, the failure is kept for the operator
            log.warn("Welcome message for contact {} not sent: {}", contact.id(), e.getMessage());
            repository.welcomeResult(welcomeCode, "FAILED", e.getMessage());
            return "FAILED";
        }
    }

    private String gone(WecomCallback callback, WecomContact.Status status, Instant now) {
        Optional<WecomContact> contact = repository.contact(callback.userId(), callback.externalUserId());
        if (contact.isEmpty()) {
            // added before the corp was configured here: remember the contact as gone all the same
            Optional<Guide> guide = roster.findByWecomUser(callback.userId());
            repository.saveContact(callback.userId(), callback.externalUserId(), guide.map(Guide::id).orElse(null), null, null, null, now);
        }
        repository.markContact(callback.userId(), callback.externalUserId(), status, now);
        WecomContact known = repository.contact(callback.userId(), callback.externalUserId()).orElseThrow();
        if (status == WecomContact.Status.LOST && known.memberId() != null && known.guideId() != null) {
            repository.bindingContactLost(known.memberId(), known.guideId(), now);
        }
        return status.name();
    }
}

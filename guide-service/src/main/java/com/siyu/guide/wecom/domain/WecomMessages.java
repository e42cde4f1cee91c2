package com.siyu.guide.wecom.domain;

import com.siyu.common.problem.DomainException;
import com.siyu.guide.binding.domain.Bindings;
import com.siyu.guide.roster.domain.GuideStatus;
import java.time.Clock;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * A message to a member through their bound guide on WeCom (touchpoint-service's WeCom 1:1 channel): WeCom's
 * mass-send task from the guide to that one customer, which the guide confirms in WeCom. Made once per caller's key.
 */
@Service
public class WecomMessages {

    public enum Outcome { SENT, NO_GUIDE, NO_CONTACT, NOT_CONFIGURED, REJECTED }

    public record Result(Outcome outcome, String msgId, Long guideId, Integer errcode) {
    }

    private final WecomRepository repository;
    private final WecomApi wecom;
    private final Bindings bindings;
    private final Clock clock;

    public WecomMessages(WecomRepository repository, WecomApi wecom, Bindings bindings, Clock clock) {
        this.repository = repository;
        this.wecom = wecom;
        this.bindings = bindings;
        this.clock = clock;
    }

    public Result send(long memberId, String text, String key) {
        Optional<WecomRepository.SentMessage> made = repository.message(key);
        if (made.isPresent()) {
            return new Result(Outcome.SENT, made.get().msgId(), made.get().guideId(), null);
        }
        Optional<WecomCorp> corp = repository.corp();
        if (corp.isEmpty()) {
            return new Result(Outcome.NOT_CONFIGURED, null, null, null);
        }
        Optional<Bindings.BoundGuide> bound = bindings.guideOf(memberId);
        if (bound.isEmpty() || bound.get().guide().status() != GuideStatus.ACTIVE || bound.get().guide().wecomUserId() == null) {
            return new Result(Outcome.NO_GUIDE, null, null, null);
        }
        String sender = bound.get().guide().wecomUserId();
        Optional<WecomContact> contact = repository.activeContactOf(sender, memberId);
        if (contact.isEmpty()) {
            return new Result(Outcome.NO_CONTACT, null, bound.get().guide().id(), null);
        }
        String msgId;
        try {
            msgId = wecom.addMsgTemplate(corp.get(), sender, contact.get().externalUserId(), text);
        } catch (WecomRejected e) {
            return new Result(Outcome.REJECTED, null, bound.get().guide().id(), e.errcode());
        } catch (WecomUnavailable e) {
            throw new DomainException(HttpStatus.SERVICE_UNAVAILABLE, "WECOM_UNAVAILABLE", e.getMessage());
        }
        repository.saveMessage(key, bound.get().guide().id(), memberId, contact.get().externalUserId(), msgId, clock.instant());
        return new Result(Outcome.SENT, msgId, bound.get().guide().id(), null);
    }
}

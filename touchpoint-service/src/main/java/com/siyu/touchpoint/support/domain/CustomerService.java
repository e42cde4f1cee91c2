package com.siyu.touchpoint.support.domain;

import com.siyu.common.problem.DomainException;
import com.siyu.touchpoint.messaging.domain.Messaging;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The mini-program's customer service: WeChat's pushes verified and decrypted, each shopper message kept once in the
 * shopper's conversation and answered by the first keyword rule that matches (text or a mini-program card); an
 * unmatched message waits for a person, who answers while WeChat's 48 h window since the shopper's last message is open.
 */
@Service
public class CustomerService {

    public static final Duration WINDOW = Duration.ofHours(48);

    private final SupportRepository repository;
    private final WeChatMessages wechat;
    private final MemberOpenIds members;
    private final Messaging messaging;
    private final Clock clock;

    public CustomerService(SupportRepository repository, WeChatMessages wechat, MemberOpenIds members, Messaging messaging, Clock clock) {
        this.repository = repository;
        this.wechat = wechat;
        this.members = members;
        this.messaging = messaging;
        this.clock = clock;
    }

    private CsAccount account() {
        return repository.account().orElseThrow(() -> DomainException.notFound("Message push settings", "of this tenant"));
    }

    public void setAccount(CsAccount account) {
        repository.saveAccount(account, clock.instant());
    }

    public boolean accountSet() {
        return repository.account().isPresent();
    }

    /** WeChat's URL check: the echostr when the signature is the tenant's. */
    public String verifyUrl(String signature, String timestamp, String nonce, String echostr) {
        if (!wechat.signed(account(), signature, timestamp, nonce)) {
            throw new PushSignatureInvalid();
        }
        return echostr;
    }

    public record Received(boolean applied, Long ruleId) {
    }

    /** A push: verified, recorded once, answered by rule or left waiting for a person. */
    public Received receive(String signature, String msgSignature, String timestamp, String nonce, String body) {
        CsAccount account = account();
        if (!wechat.signed(account, signature, timestamp, nonce)) {
            throw new PushSignatureInvalid();
        }
        WeChatMessages.Inbound message = wechat.open(account, msgSignature, timestamp, nonce, body);
        Instant now = clock.instant();
        SupportRepository.Conversation conversation = repository.touchConversation(message.openId(), members.memberOf(message.openId()).orElse(null),
                now);
        if (!repository.inbound(conversation.id(), message)) {
            return new Received(false, null);
        }
        Optional<KeywordRule> rule = "text".equals(message.msgType()) ? KeywordMatcher.match(repository.rules(), message.content()) : Optional.empty();
        if (rule.isEmpty()) {
            repository.conversationStatus(conversation.id(), "WAITING", conversation.waitingSince() != null ? conversation.waitingSince() : now, now);
            return new Received(true, null);
        }
        KeywordRule.Reply reply = rule.get().reply();
        WeChatMessages.Sent sent = wechat.reply(message.openId(), reply);
        repository.outbound(conversation.id(), reply.type() == KeywordRule.Reply.Type.CARD ? "miniprogrampage" : "text",
                reply.type() == KeywordRule.Reply.Type.CARD ? reply.title() + " " + reply.page() : reply.text(), rule.get().id(), null, sent.outcome(), now);
        // a rule that could not be delivered leaves the shopper to a person
        repository.conversationStatus(conversation.id(), sent.sent() ? "BOT" : "WAITING", sent.sent() ? null : now, now);
        return new Received(true, rule.get().id());
    }

    /** A person's answer, inside WeChat's 48 h window since the shopper's last message. */
    public SupportRepository.Message answer(long conversationId, String text, long staffId) {
        SupportRepository.Conversation conversation = conversation(conversationId);
        Instant now = clock.instant();
        if (conversation.lastInboundAt().plus(WINDOW).isBefore(now)) {
            throw new DomainException(HttpStatus.CONFLICT, "OUTSIDE_SERVICE_WINDOW",
                    "The shopper last wrote at " + conversation.lastInboundAt() + "; WeChat takes answers for 48 hours after that");
        }
        messaging.checkContent("text", text);
        WeChatMessages.Sent sent = wechat.reply(conversation.openId(), new KeywordRule.Reply(KeywordRule.Reply.Type.TEXT, text, null, null, null));
        repository.outbound(conversationId, "text", text, null, staffId, sent.outcome(), now);
        if (!sent.sent()) {
            throw new DomainException(HttpStatus.BAD_GATEWAY, "WECHAT_REFUSED", "WeChat did not take the answer: " + sent.outcome());
        }
        repository.conversationStatus(conversationId, "ANSWERED", null, now);
        List<SupportRepository.Message> latest = repository.messages(conversationId, 1);
        return latest.get(0);
    }

    public SupportRepository.Conversation conversation(long id) {
        return repository.conversation(id).orElseThrow(() -> DomainException.notFound("Conversation", id));
    }

    public List<SupportRepository.Conversation> conversations(String status) {
        return repository.conversations(status, 200);
    }

    public List<SupportRepository.Message> messages(long conversationId) {
        conversation(conversationId);
        return repository.messages(conversationId, 200);
    }

    public List<KeywordRule> rules() {
        return repository.rules();
    }

    public KeywordRule addRule(KeywordRule rule) {
        check(rule);
        long id = repository.addRule(rule, clock.instant());
        return rules().stream().filter(r -> r.id() == id).findFirst().orElseThrow();
    }

    public KeywordRule updateRule(KeywordRule rule) {
        check(rule);
        if (!repository.updateRule(rule)) {
            throw DomainException.notFound("Keyword rule", rule.id());
        }
        return rules().stream().filter(r -> r.id() == rule.id()).findFirst().orElseThrow();
    }

    public void deleteRule(long id) {
        if (!repository.deleteRule(id)) {
            throw DomainException.notFound("Keyword rule", id);
        }
    }

    private void check(KeywordRule rule) {
        if (rule.matchType() == KeywordRule.MatchType.REGEX) {
            try {
                Pattern.compile(rule.pattern());
            } catch (PatternSyntaxException e) {
                throw new DomainException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "pattern is not a regular expression: " + e.getDescription());
            }
        }
        KeywordRule.Reply reply = rule.reply();
        if (reply.type() == KeywordRule.Reply.Type.TEXT && (reply.text() == null || reply.text().isBlank())) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "reply.text is required for a TEXT reply");
        }
        if (reply.type() == KeywordRule.Reply.Type.CARD && (reply.title() == null || reply.page() == null || reply.thumbMediaId() == null)) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "reply.title, reply.page and reply.thumbMediaId are required for a CARD");
        }
        messaging.checkContent("reply.text", reply.text());
        messaging.checkContent("reply.title", reply.title());
    }
}

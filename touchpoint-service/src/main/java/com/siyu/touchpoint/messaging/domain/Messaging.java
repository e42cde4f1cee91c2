package com.siyu.touchpoint.messaging.domain;

import com.siyu.common.problem.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** The shopper's consent (subscription quotas, unsubscribes) and the tenant's contact policy and presets. */
@Service
public class Messaging {

    private final MessagingRepository repository;
    private final Clock clock;

    public Messaging(MessagingRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * What wx.requestSubscribeMessage answered, template id → "accept" / "reject" / "ban" / "filter": each accepted
     * template is one more send quota (WeChat allows one message per tap); the others change nothing.
     */
    public List<MessagingRepository.Quota> subscribed(long memberId, Map<String, String> results) {
        List<String> accepted = new ArrayList<>();
        results.forEach((template, result) -> {
            if (!List.of("accept", "reject", "ban", "filter").contains(result)) {
                throw new DomainException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
                        "results." + template + " must be accept, reject, ban or filter (what wx.requestSubscribeMessage answers)");
            }
            if ("accept".equals(result)) {
                accepted.add(template);
            }
        });
        repository.grant(memberId, accepted, clock.instant());
        return repository.quotas(memberId);
    }

    public List<MessagingRepository.Quota> quotas(long memberId) {
        return repository.quotas(memberId);
    }

    public List<Channel> unsubscribe(long memberId, Channel channel) {
        repository.unsubscribe(memberId, channel, clock.instant());
        return repository.unsubscribed(memberId);
    }

    public List<Channel> resubscribe(long memberId, Channel channel) {
        repository.resubscribe(memberId, channel);
        return repository.unsubscribed(memberId);
    }

    public List<Channel> unsubscribed(long memberId) {
        return repository.unsubscribed(memberId);
    }

    public ContactPolicy policy() {
        return repository.policy().orElse(ContactPolicy.DEFAULT);
    }

    public ContactPolicy setPolicy(ContactPolicy policy) {
        if (policy.weeklyCap() < policy.dailyCap()) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "weeklyCap must be at least dailyCap");
        }
        repository.savePolicy(policy, clock.instant());
        return policy;
    }

    public Preset preset(Preset.Kind kind) {
        return repository.preset(kind).orElseThrow(() -> DomainException.notFound("Preset", kind.name()));
    }

    public Preset setPreset(Preset preset) {
        for (String value : preset.fields().values()) {
            Templates.checkVariables(value, preset.kind().variables());
            checkContent("fields", value);
        }
        repository.savePreset(preset, clock.instant());
        return preset;
    }

    public List<Send> sends(MessagingRepository.SendFilter filter) {
        return repository.list(filter, 500);
    }

    /** The tenant's SMS account as shown back: the secret never is. */
    public record SmsAccountView(String provider, String accessKeyId, String signName, boolean secretSet) {
    }

    public SmsAccountView smsAccount() {
        SmsAccount account = repository.smsAccount().orElseThrow(() -> DomainException.notFound("SMS account", "of this tenant"));
        return new SmsAccountView(account.provider(), account.accessKeyId(), account.signName(), !account.accessKeySecret().isEmpty());
    }

    public SmsAccountView setSmsAccount(SmsAccount account) {
        repository.saveSmsAccount(account, clock.instant());
        return smsAccount();
    }

    /** The tenant's official account as shown back: the secret never is. */
    public record MpAccountView(String appId, boolean secretSet) {
    }

    public MpAccountView mpAccount() {
        MpAccount account = repository.mpAccount().orElseThrow(() -> DomainException.notFound("Official account", "of this tenant"));
        return new MpAccountView(account.appId(), !account.appSecret().isEmpty());
    }

    public MpAccountView setMpAccount(MpAccount account) {
        repository.saveMpAccount(account, clock.instant());
        return mpAccount();
    }

    public List<String> sensitiveWords() {
        return repository.sensitiveWords();
    }

    /** Adds words (trimmed, duplicates ignored); at most 2,000 per tenant. */
    public List<String> addSensitiveWords(List<String> words) {
        List<String> clean = words.stream().map(String::strip).filter(w -> !w.isEmpty()).distinct().toList();
        if (clean.isEmpty()) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "words holds no word");
        }
        if (repository.sensitiveWords().size() + clean.size() > 2_000) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "A tenant keeps at most 2,000 sensitive words");
        }
        repository.addSensitiveWords(clean, clock.instant());
        return repository.sensitiveWords();
    }

    public List<String> removeSensitiveWord(String word) {
        if (!repository.removeSensitiveWord(word)) {
            throw DomainException.notFound("Sensitive word", word);
        }
        return repository.sensitiveWords();
    }

    /** 400 SENSITIVE_CONTENT naming the field and the word when a text an operator saves holds one of the tenant's sensitive words. */
    public void checkContent(String field, String text) {
        SensitiveWords.firstHit(text, repository.sensitiveWords()).ifPresent(word -> {
            throw new DomainException(HttpStatus.BAD_REQUEST, "SENSITIVE_CONTENT", field + " contains the sensitive word \"" + word + "\"");
        });
    }
}

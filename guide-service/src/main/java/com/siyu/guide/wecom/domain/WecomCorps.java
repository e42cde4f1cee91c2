package com.siyu.guide.wecom.domain;

import com.siyu.common.problem.DomainException;
import java.time.Clock;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** The tenant's WeCom corp: set by its admin, read by everything here that talks to WeCom. */
@Service
public class WecomCorps {

    public static final String DEFAULT_WELCOME = "您好，我是您的专属导购{guide}，有任何需要随时找我。";

    private final WecomRepository repository;
    private final Clock clock;

    public WecomCorps(WecomRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public WecomCorp configure(WecomCorp corp, Long staffId) {
        if (corp.aesKey().length() != 43) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "aesKey is WeCom's EncodingAESKey: 43 letters and digits");
        }
        WecomCorp saved = corp.welcomeText() == null || corp.welcomeText().isBlank()
                ? new WecomCorp(corp.corpId(), corp.agentId(), corp.contactSecret(), corp.callbackToken(), corp.aesKey(), DEFAULT_WELCOME)
                : corp;
        try {
            repository.saveCorp(saved, staffId, clock.instant());
        } catch (org.springframework.dao.DuplicateKeyException e) {
            // one corp is one tenant's: its callbacks and contacts cannot be two malls'
            throw new DomainException(HttpStatus.CONFLICT, "WECOM_CORP_TAKEN", "WeCom corp " + corp.corpId() + " is another tenant's");
        }
        return saved;
    }

    public java.util.Optional<WecomCorp> find() {
        return repository.corp();
    }

    public WecomCorp require() {
        return repository.corp().orElseThrow(() -> new DomainException(HttpStatus.NOT_FOUND, "WECOM_NOT_CONFIGURED",
                "This tenant has no WeCom corp configured (PUT /admin/v1/guide/wecom/corp)"));
    }
}

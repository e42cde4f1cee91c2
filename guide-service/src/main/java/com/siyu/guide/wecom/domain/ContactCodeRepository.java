package com.siyu.guide.wecom.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface ContactCodeRepository {

    /** Throws DuplicateKeyException when the tenant already has a code for the channel. */
    long create(ContactCode.Kind kind, String channel, Long storeId, List<Long> guideIds, String welcomeText, List<String> tags, Long staffId,
                Instant now);

    void issued(long id, String configId, String qrCode);

    void delete(long id);

    Optional<ContactCode> find(long id);

    List<ContactCode> list(ContactCode.Kind kind, Long storeId);
}

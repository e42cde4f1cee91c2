package com.siyu.guide.wecom.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Customer groups of the tenant in context (infra). */
public interface WecomGroupRepository {

    void saveGroup(String chatId, String name, String ownerUserId, Long ownerGuideId, Instant createdAt, int members, Instant now);

    void dismiss(String chatId, Instant now);

    /** Locks the group's row until the transaction ends. */
    void lock(String chatId);

    Optional<WecomGroup> find(String chatId);

    /** Groups owned by these guides (null: all), newest first. */
    List<WecomGroup> list(List<Long> ownerGuideIds, int limit);

    record Member(String key, boolean external, Long memberId) {
    }

    /** Members in the group now (not left), by key. */
    Map<String, Member> present(String chatId);

    /** Joined (again): the member's row current, a JOIN event at {@code at}. */
    void joined(String chatId, String key, boolean external, Long memberId, int joinScene, Instant at);

    /** Left: the row closed, a LEAVE event at {@code at}. */
    void left(String chatId, String key, Instant at);

    /** The members known to be this external contact (from the guides' contacts), to map group members without a call. */
    Optional<Long> knownMember(String externalUserId);

    /** The day [from, to) of the group: size at {@code to}, joins and leaves in it, what its shoppers (members in the group then) paid. */
    WecomGroup.Day day(String chatId, java.time.LocalDate date, Instant from, Instant to);

    long createCode(String name, List<String> chatIds, String roomBaseName, Long staffId, Instant now);

    void codeIssued(long id, String configId, String qrCode);

    void deleteCode(long id);
}

package com.siyu.member.member.domain;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

public interface MemberRepository {

    /** Inserts a member of the tenant in context and returns its id. */
    long insert(Phone phone, String nickname, FunnelStage stage, Long storeId);

    Optional<Member> findById(long id);

    /** Which of {@code ids} are active members of the tenant in context. */
    Set<Long> activeAmong(Collection<Long> ids);

    /** The active members among {@code ids} not seen since {@code since}: last visit before it, or none and registered before it. */
    java.util.Map<Long, java.time.Instant> dormantAmong(Collection<Long> ids, java.time.Instant since);

    /** The active members among {@code ids} whose birthday falls on one of {@code days} (month and day), with the birthday. */
    java.util.Map<Long, java.time.LocalDate> birthdaysAmong(Collection<Long> ids, Collection<java.time.MonthDay> days);

    /** What a message to a member is addressed with: nickname, primary phone, home store (null when the member has none). */
    record Contact(long id, String nickname, String phone, Long storeId) {
    }

    /** The active members among {@code ids} with their contact details. */
    java.util.List<Contact> contactsAmong(Collection<Long> ids);

    /** Sets an active member's birthday; with {@code onlyIfUnset} only while it has none or this one; false when nothing was set. */
    boolean setBirthday(long id, java.time.LocalDate birthday, boolean onlyIfUnset);

    /** Sets the member's phone; a walk-in becomes a registered member. */
    void bindPhone(long id, Phone phone);

    /** ACTIVE → MERGED into the survivor; false if the member was not active. */
    boolean markMerged(long mergedId, long survivorId);

    /** MERGED → ACTIVE (undo); false if it was not merged. */
    boolean markActive(long mergedId);
}

package com.siyu.member.member.domain;

import java.util.Optional;

public interface MemberRepository {

    /** Inserts a member of the tenant in context; empty when the phone is already registered. */
    Optional<Member> insertIfAbsent(Phone phone, String nickname, FunnelStage stage, Long storeId);

    Optional<Member> findByPhone(Phone phone);

    Optional<Member> findById(long id);
}

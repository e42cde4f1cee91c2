package com.siyu.member.member.api;

import com.siyu.member.member.domain.Member;
import java.time.Instant;

/** What staff see of a member: the phone is masked. */
public record MemberResponse(long id, String phone, String nickname, String stage, String status, Long mergedInto, String tier,
                             long growth, Long registeredStoreId, Instant createdAt,
                             java.time.LocalDate birthday) {

    public static MemberResponse of(Member member) {
        return new MemberResponse(member.id(), member.phone() == null ? null : member.phone().masked(), member.nickname(),
                member.stage().name(), member.status().name(), member.mergedInto(), member.tierCode(), member.growth(),
                member.registeredStoreId(), member.createdAt(), member.birthday());
    }
}

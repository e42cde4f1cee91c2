package com.siyu.member.member.domain;

import java.time.Instant;

public record Member(long id, long tenantId, Phone phone, String nickname, FunnelStage stage, MemberStatus status, Long mergedInto,
                     long growth, String tierCode, long totalSpendFen, int visits, Instant lastVisitAt, Long registeredStoreId,
                     Instant createdAt, java.time.LocalDate birthday) {

    public boolean isActive() {
        return status == MemberStatus.ACTIVE;
    }
}

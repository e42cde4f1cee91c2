package com.siyu.member.member.domain;

import java.time.Instant;

public record Member(long id, long tenantId, Phone phone, String nickname, FunnelStage stage, Long registeredStoreId, Instant createdAt) {
}

package com.siyu.member.profile.domain;

import java.util.Map;

public interface ProfileRepository {

    Map<Long, Long> spendByStore(long memberId);

    Map<String, Long> spendByCategory(long memberId);
}

package com.siyu.guide.roster.domain;

/** What enrolling a guide records. */
public record NewGuide(long storeId, long staffId, Long merchantId, String name, String phone, String wecomUserId, int level) {
}

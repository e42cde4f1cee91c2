package com.siyu.member.tenant.domain;

/** A brand counter / merchant of a store; {@code cashierQrId} is what its cashier QR code carries. */
public record Merchant(long id, long storeId, String code, String brand, String category, String cashierQrId) {
}

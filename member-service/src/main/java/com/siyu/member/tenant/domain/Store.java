package com.siyu.member.tenant.domain;

import java.math.BigDecimal;

/** A mall building, outlet or supermarket of a tenant. */
public record Store(long id, String code, String name, String address, BigDecimal latitude, BigDecimal longitude) {
}

package com.siyu.member.tenant.domain;

import java.math.BigDecimal;

public record NewStore(String code, String name, String address, BigDecimal latitude, BigDecimal longitude) {
}

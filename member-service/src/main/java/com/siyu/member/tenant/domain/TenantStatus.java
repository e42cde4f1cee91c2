package com.siyu.member.tenant.domain;

public enum TenantStatus { ACTIVE, SUSPENDED }

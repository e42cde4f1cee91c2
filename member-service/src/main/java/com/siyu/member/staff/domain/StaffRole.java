package com.siyu.member.staff.domain;

public enum StaffRole { TENANT_ADMIN, OPERATOR, GUIDE, CASHIER, SERVICE_AGENT, MANAGER }

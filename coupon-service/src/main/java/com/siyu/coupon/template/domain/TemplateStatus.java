package com.siyu.coupon.template.domain;

public enum TemplateStatus { DRAFT, ACTIVE, PAUSED, ENDED }

package com.siyu.touchpoint.messaging.domain;

/** The channels a member is reached through; an unsubscribe names one. All but MP_SERVICE send. */
public enum Channel { MINI_SUBSCRIBE, MP_TEMPLATE, MP_SERVICE, WECOM, SMS, APP_PUSH }

package com.siyu.guide.roster.domain;

public enum GuideStatus { ACTIVE, LEFT }

package com.siyu.guide.roster.domain;

/** ACTIVE guides take members; MOVED (to another store or counter) and LEFT guides' members are handed over. */
public enum GuideStatus { ACTIVE, MOVED, LEFT }

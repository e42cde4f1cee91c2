package com.siyu.member.member.domain;

/** MERGED: this record turned out to be the same person as another member, which carries on. */
public enum MemberStatus { ACTIVE, MERGED }

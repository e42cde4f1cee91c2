package com.siyu.member.segment.domain;

public record Segment(long id, String name, SegmentRule rule) {
}

package com.siyu.member.segment.api;

import com.siyu.member.segment.domain.MemberTag;
import java.util.List;

/** A tag a member carries; {@code kind} RULE when its rule put it there, MANUAL when staff did. */
public record MemberTagResponse(long tagId, String name, String kind) {

    public static MemberTagResponse of(MemberTag tag) {
        return new MemberTagResponse(tag.tagId(), tag.name(), tag.kind().name());
    }

    public static List<MemberTagResponse> of(List<MemberTag> tags) {
        return tags.stream().map(MemberTagResponse::of).toList();
    }
}

package com.siyu.member.segment.domain;

import java.util.List;
import java.util.Optional;

public interface TagRepository {

    /** Creates the tag, or returns the existing one of that name. */
    long ensure(String name);

    Optional<String> name(long tagId);

    /** Tags the member; false when it already had the tag. */
    boolean tag(long memberId, long tagId);

    boolean untag(long memberId, long tagId);

    List<String> of(long memberId);
}

package com.siyu.member.segment.domain;

import com.siyu.common.problem.DomainException;
import com.siyu.member.member.domain.Members;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** Manual tags staff put on members; segments can select on them. */
@Service
public class Tags {

    private final TagRepository tags;
    private final Members members;

    public Tags(TagRepository tags, Members members) {
        this.tags = tags;
        this.members = members;
    }

    public List<String> tag(long memberId, String name) {
        if (name == null || name.isBlank() || name.length() > 40) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "TAG_INVALID", "A tag name is 1-40 characters");
        }
        members.get(memberId);
        tags.tag(memberId, tags.ensure(name.trim()));
        return tags.of(memberId);
    }

    public List<String> untag(long memberId, String name) {
        members.get(memberId);
        tags.untag(memberId, tags.ensure(name.trim()));
        return tags.of(memberId);
    }

    public List<String> of(long memberId) {
        return tags.of(memberId);
    }
}

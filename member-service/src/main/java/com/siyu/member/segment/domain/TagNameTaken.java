package com.siyu.member.segment.domain;

import com.siyu.common.problem.DomainException;
import org.springframework.http.HttpStatus;

public class TagNameTaken extends DomainException {

    public TagNameTaken(String name) {
        super(HttpStatus.CONFLICT, "TAG_NAME_TAKEN", "A tag named '" + name + "' exists");
    }
}

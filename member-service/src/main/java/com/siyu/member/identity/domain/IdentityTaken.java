package com.siyu.member.identity.domain;

import com.siyu.common.problem.DomainException;
import java.util.Map;
import org.springframework.http.HttpStatus;

public class IdentityTaken extends DomainException {

    public IdentityTaken(Identity identity, long otherMember) {
        super(HttpStatus.CONFLICT, "IDENTITY_TAKEN",
                "This " + identity.kind() + " already belongs to member " + otherMember + "; merge the two members if they are one person",
                Map.of("memberId", otherMember));
    }
}

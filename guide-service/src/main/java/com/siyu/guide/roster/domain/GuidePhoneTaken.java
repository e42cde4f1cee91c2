package com.siyu.guide.roster.domain;

import com.siyu.common.problem.DomainException;
import org.springframework.http.HttpStatus;

public class GuidePhoneTaken extends DomainException {

    public GuidePhoneTaken() {
        super(HttpStatus.CONFLICT, "GUIDE_PHONE_TAKEN", "A guide with this phone number is already on the roster");
    }
}

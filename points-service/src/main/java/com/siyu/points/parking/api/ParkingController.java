package com.siyu.points.parking.api;

import com.siyu.common.context.CallerContext;
import com.siyu.common.problem.DomainException;
import com.siyu.points.account.api.JournalEntryResponse;
import com.siyu.points.parking.domain.ParkingRedemptions;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ParkingController {

    private final ParkingRedemptions parking;

    ParkingController(ParkingRedemptions parking) {
        this.parking = parking;
    }

    @PostMapping("/api/v1/points/parking-redemptions")
    @ResponseStatus(HttpStatus.CREATED)
    JournalEntryResponse redeem(@Valid @RequestBody ParkingRequest request) {
        Long member = CallerContext.current().memberId();
        if (member == null || !CallerContext.current().hasTenant()) {
            throw new DomainException(HttpStatus.UNAUTHORIZED, "MEMBER_TOKEN_REQUIRED", "Sign in as a member first");
        }
        return JournalEntryResponse.of(parking.redeem(member, request.sessionId(), request.hours()));
    }
}

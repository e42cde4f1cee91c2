package com.siyu.points.parking.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/** Pay {@code hours} of parking session {@code sessionId} (from the car-park system) with points. */
public record ParkingRequest(@NotBlank @Pattern(regexp = "[A-Za-z0-9_\\-]{1,48}") String sessionId,
                             @NotNull @Positive @Max(72) Integer hours) {
}

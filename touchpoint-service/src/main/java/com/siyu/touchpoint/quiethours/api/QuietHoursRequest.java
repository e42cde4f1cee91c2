package com.siyu.touchpoint.quiethours.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalTime;

/** Times as "HH:mm" local to {@code timeZone} (an IANA id such as Asia/Shanghai). */
public record QuietHoursRequest(@NotNull LocalTime start, @NotNull LocalTime end, @NotBlank @Size(max = 40) String timeZone) {
}

package com.siyu.touchpoint.messaging.api;

import com.siyu.common.web.StaffOnly;
import com.siyu.touchpoint.messaging.domain.Channel;
import com.siyu.touchpoint.messaging.domain.ContactPolicy;
import com.siyu.touchpoint.messaging.domain.Messaging;
import com.siyu.touchpoint.messaging.domain.MessagingRepository;
import com.siyu.touchpoint.messaging.domain.Preset;
import com.siyu.touchpoint.messaging.domain.Send;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The tenant's contact policy (frequency caps), its presets, and the send log. */
@RestController
@Validated
class MessagingAdminController {

    private final Messaging messaging;
    private final com.siyu.touchpoint.messaging.domain.Attribution attribution;
    private final com.siyu.touchpoint.sales.domain.StoreSales sales;

    MessagingAdminController(Messaging messaging, com.siyu.touchpoint.messaging.domain.Attribution attribution,
                             com.siyu.touchpoint.sales.domain.StoreSales sales) {
        this.messaging = messaging;
        this.attribution = attribution;
        this.sales = sales;
    }

    /** The dashboard and the private domain's share of all GMV (the cashier's payments plus the stores' reported POS sales). */
    record DashboardResponse(java.time.LocalDate from, java.time.LocalDate to, List<com.siyu.touchpoint.messaging.domain.AttributionRepository.Figures> rows,
                             long sent, long clicked, long converted, long attributedFen, com.siyu.touchpoint.sales.domain.StoreSales.Share gmv,
                             List<com.siyu.touchpoint.messaging.domain.AttributionRepository.GuideFigures> topGuides) {
    }

    /**
     * Per channel and preset, of the sends made in the mall's days from..to (at most 92): sent, members reached, clicked,
     * converted (payments credited to them) and the attributed GMV (paid minus refunded, fen).
     */
    @GetMapping("/admin/v1/touchpoint/dashboard")
    DashboardResponse dashboard(
            @RequestParam @NotNull @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
            java.time.LocalDate from,
            @RequestParam @NotNull @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
            java.time.LocalDate to) {
        StaffOnly.require("TENANT_ADMIN", "OPERATOR");
        if (to.isBefore(from) || to.isAfter(from.plusDays(91))) {
            throw new com.siyu.common.problem.DomainException(org.springframework.http.HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
                    "from..to is 1 to 92 days, from first");
        }
        com.siyu.touchpoint.messaging.domain.Attribution.Dashboard messages = attribution.dashboard(from, to);
        return new DashboardResponse(from, to, messages.rows(), messages.sent(), messages.clicked(), messages.converted(), messages.attributedFen(),
                sales.share(from, to, messages.attributedFen(), attribution.attributedByStore(from, to)), messages.topGuides());
    }

    /** attributionHours: how long after a click a payment is credited to the message (default 72). */
    record PolicyRequest(@NotNull @Min(1) @Max(50) Integer dailyCap, @NotNull @Min(1) @Max(200) Integer weeklyCap,
                         @Min(1) @Max(720) Integer attributionHours) {
    }

    @GetMapping("/admin/v1/touchpoint/contact-policy")
    ContactPolicy policy() {
        StaffOnly.require("TENANT_ADMIN", "OPERATOR");
        return messaging.policy();
    }

    @PutMapping("/admin/v1/touchpoint/contact-policy")
    ContactPolicy setPolicy(@Valid @RequestBody PolicyRequest r) {
        StaffOnly.require("TENANT_ADMIN", "OPERATOR");
        return messaging.setPolicy(new ContactPolicy(r.dailyCap(), r.weeklyCap(),
                r.attributionHours() == null ? ContactPolicy.DEFAULT.attributionHours() : r.attributionHours()));
    }

    /** fields: the template's field names (thing1, amount2, time3 …) → text with the preset's {variables}, at most 20 chars in WeChat. */
    record PresetRequest(@NotNull Boolean enabled, @NotBlank @Size(max = 64) String templateId, @Size(max = 256) String page,
                         @NotNull @Size(min = 1, max = 10) Map<@Pattern(regexp = "[a-z_]+[0-9]+") String, @NotNull @Size(max = 200) String> fields) {
    }

    @GetMapping("/admin/v1/touchpoint/presets/{kind}")
    Preset preset(@PathVariable Preset.Kind kind) {
        StaffOnly.require("TENANT_ADMIN", "OPERATOR");
        return messaging.preset(kind);
    }

    @PutMapping("/admin/v1/touchpoint/presets/{kind}")
    Preset setPreset(@PathVariable Preset.Kind kind, @Valid @RequestBody PresetRequest r) {
        StaffOnly.require("TENANT_ADMIN", "OPERATOR");
        return messaging.setPreset(new Preset(kind, r.enabled(), r.templateId(), r.page(), r.fields()));
    }

    record SendResponse(long id, long memberId, Channel channel, String templateId, String page, Map<String, String> data, String preset,
                        Send.Status status, String reason, Instant dueAt, int attempts, Instant sentAt, String channelMsgId, Instant createdAt,
                        String trackingToken, Long campaignId, String arm, String tried, Long couponId) {
        static SendResponse of(Send s) {
            return new SendResponse(s.id(), s.memberId(), s.channel(), s.templateId(), s.page(), s.data(), s.preset(), s.status(), s.reason(),
                    s.dueAt(), s.attempts(), s.sentAt(), s.channelMsgId(), s.createdAt(), s.trackingToken(), s.extras().campaignId(), s.extras().arm(),
                    s.extras().tried(), s.extras().couponId());
        }
    }

    /** The newest 500 sends, by member, status, preset or campaign. */
    @GetMapping("/admin/v1/touchpoint/sends")
    List<SendResponse> sends(@RequestParam(required = false) @Positive Long memberId, @RequestParam(required = false) Send.Status status,
                             @RequestParam(required = false) Preset.Kind preset, @RequestParam(required = false) @Positive Long campaignId) {
        StaffOnly.require("TENANT_ADMIN", "OPERATOR", "SERVICE_AGENT");
        return messaging.sends(new MessagingRepository.SendFilter(memberId, status, preset == null ? null : preset.name(), campaignId)).stream()
                .map(SendResponse::of).toList();
    }
}

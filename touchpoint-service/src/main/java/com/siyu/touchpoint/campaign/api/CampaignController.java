package com.siyu.touchpoint.campaign.api;

import com.siyu.common.problem.DomainException;
import com.siyu.common.web.StaffOnly;
import com.siyu.touchpoint.campaign.domain.Campaign;
import com.siyu.touchpoint.campaign.domain.CampaignPresets;
import com.siyu.touchpoint.campaign.domain.CampaignReport;
import com.siyu.touchpoint.campaign.domain.Campaigns;
import com.siyu.touchpoint.content.domain.ContentLibrary;
import com.siyu.touchpoint.messaging.domain.Channel;
import com.siyu.touchpoint.messaging.domain.Send;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Campaigns to a segment: made as DRAFT, then activated, paused, resumed or cancelled; the report per A/B arm. */
@RestController
@Validated
class CampaignController {

    private final Campaigns campaigns;
    private final CampaignPresets presets;
    private final ContentLibrary library;

    CampaignController(Campaigns campaigns, CampaignPresets presets, ContentLibrary library) {
        this.campaigns = campaigns;
        this.presets = presets;
        this.library = library;
    }

    /**
     * fields: the template's field names (thing1 …; for SMS the provider template's parameter names) → text with {name},
     * {coupon}, {campaign}; or, for WECOM, scriptId: a script of the content library whose text the guide sends.
     */
    record ContentRequest(@NotNull Channel channel, @NotBlank @Size(max = 64) String templateId, @Size(max = 256) String page,
                          @Size(min = 1, max = 10) Map<@Pattern(regexp = "[A-Za-z_]+[0-9]*") String, @NotNull @Size(max = 200) String> fields,
                          @Positive Long scriptId) {
    }

    record ArmRequest(@NotNull @Pattern(regexp = "[A-Za-z0-9]{1,16}") String name, @NotNull @Min(1) @Max(100) Integer weight,
                      @NotNull @Size(min = 1, max = 3) List<@Valid @NotNull ContentRequest> channels) {
    }

    /**
     * schedule ONCE, DAILY (the same time each day from startAt) or WEEKLY (the same weekday and time each week); bestHour: each member's send waits for
     * the hour they open messages most; onCap SKIP (default) or DEFER at a frequency cap.
     */
    record CampaignRequest(@NotBlank @Size(max = 64) String name, @NotNull @Positive Long segmentId, Campaign.Schedule schedule,
                           @NotNull Instant startAt, Boolean bestHour, Send.OnCap onCap, @Positive Long couponTemplateId,
                           @NotNull @Size(min = 1, max = 4) List<@Valid @NotNull ArmRequest> arms) {
    }

    @PostMapping("/admin/v1/touchpoint/campaigns")
    ResponseEntity<Campaign> create(@Valid @RequestBody CampaignRequest r) {
        StaffOnly.require("TENANT_ADMIN", "OPERATOR");
        Campaign made = campaigns.create(new Campaigns.NewCampaign(r.name(), r.segmentId(), r.schedule() == null ? Campaign.Schedule.ONCE : r.schedule(),
                r.startAt(), Boolean.TRUE.equals(r.bestHour()), r.onCap() == null ? Send.OnCap.SKIP : r.onCap(), r.couponTemplateId(), arms(r.arms())));
        return ResponseEntity.created(URI.create("/admin/v1/touchpoint/campaigns/" + made.id())).body(made);
    }

    private List<Campaign.Arm> arms(List<ArmRequest> arms) {
        List<Campaign.Arm> out = new java.util.ArrayList<>();
        for (int a = 0; a < arms.size(); a++) {
            List<Campaign.Content> chain = new java.util.ArrayList<>();
            for (int i = 0; i < arms.get(a).channels().size(); i++) {
                chain.add(content(arms.get(a).channels().get(i), "arms[" + a + "].channels[" + i + "]"));
            }
            out.add(new Campaign.Arm(arms.get(a).name(), arms.get(a).weight(), chain));
        }
        return out;
    }

    private Campaign.Content content(ContentRequest c, String field) {
        if (c.scriptId() == null) {
            if (c.fields() == null) {
                throw new DomainException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", field + ".fields is required (or, for WECOM, a scriptId)");
            }
            return new Campaign.Content(c.channel(), c.templateId(), c.page(), c.fields());
        }
        if (c.channel() != Channel.WECOM || c.fields() != null) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", field + ".scriptId is for a WECOM message, instead of its fields");
        }
        return new Campaign.Content(c.channel(), c.templateId(), c.page(), Map.of("text",
                library.campaignText(c.scriptId(), Campaigns.VARIABLES, field + ".scriptId")));
    }

    /** The presets an operator only tweaks: audience, schedule and time are the preset's; suggested texts for the fields. */
    @GetMapping("/admin/v1/touchpoint/campaign-presets")
    List<CampaignPresets.Definition> presets() {
        StaffOnly.require("TENANT_ADMIN", "OPERATOR");
        return presets.catalogue();
    }

    /**
     * days: BIRTHDAY 0-7 ahead (default 0), DORMANT_WINBACK 7-365 since the last visit (default 30); firstDay and at
     * (HH:mm, the mall's zone): the first run (default: the preset's time, the next one ahead); the arms as for a campaign.
     */
    record PresetRequest(@Size(max = 64) String name, Integer days, LocalDate firstDay, LocalTime at, @Positive Long couponTemplateId,
                         Send.OnCap onCap, @NotNull @Size(min = 1, max = 4) List<@Valid @NotNull ArmRequest> arms) {
    }

    /** A DRAFT campaign from a preset (its segment made or reused in member-service); activate it as any campaign. */
    @PostMapping("/admin/v1/touchpoint/campaign-presets/{kind}/campaigns")
    ResponseEntity<Campaign> fromPreset(@PathVariable CampaignPresets.Kind kind, @Valid @RequestBody PresetRequest r) {
        StaffOnly.require("TENANT_ADMIN", "OPERATOR");
        Campaign made = presets.create(kind, new CampaignPresets.Tweaks(r.name(), r.days(), r.firstDay(), r.at(), r.couponTemplateId(), r.onCap(),
                arms(r.arms())));
        return ResponseEntity.created(URI.create("/admin/v1/touchpoint/campaigns/" + made.id())).body(made);
    }

    @GetMapping("/admin/v1/touchpoint/campaigns")
    List<Campaign> list(@RequestParam(required = false) Campaign.Status status) {
        StaffOnly.require("TENANT_ADMIN", "OPERATOR");
        return campaigns.list(status);
    }

    @GetMapping("/admin/v1/touchpoint/campaigns/{id}")
    Campaign get(@PathVariable long id) {
        StaffOnly.require("TENANT_ADMIN", "OPERATOR");
        return campaigns.get(id);
    }

    @PostMapping("/admin/v1/touchpoint/campaigns/{id}/activation")
    Campaign activate(@PathVariable long id) {
        StaffOnly.require("TENANT_ADMIN", "OPERATOR");
        return campaigns.activate(id);
    }

    @PostMapping("/admin/v1/touchpoint/campaigns/{id}/pause")
    Campaign pause(@PathVariable long id) {
        StaffOnly.require("TENANT_ADMIN", "OPERATOR");
        return campaigns.pause(id);
    }

    @PostMapping("/admin/v1/touchpoint/campaigns/{id}/resumption")
    Campaign resume(@PathVariable long id) {
        StaffOnly.require("TENANT_ADMIN", "OPERATOR");
        return campaigns.resume(id);
    }

    @PostMapping("/admin/v1/touchpoint/campaigns/{id}/cancellation")
    Campaign cancel(@PathVariable long id) {
        StaffOnly.require("TENANT_ADMIN", "OPERATOR");
        return campaigns.cancel(id);
    }

    @GetMapping("/admin/v1/touchpoint/campaigns/{id}/report")
    CampaignReport report(@PathVariable long id) {
        StaffOnly.require("TENANT_ADMIN", "OPERATOR");
        return campaigns.report(id);
    }
}

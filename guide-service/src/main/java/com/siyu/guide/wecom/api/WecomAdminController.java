package com.siyu.guide.wecom.api;

import com.siyu.common.context.Caller;
import com.siyu.common.problem.DomainException;
import com.siyu.common.web.MemberOnly;
import com.siyu.common.web.StaffOnly;
import com.siyu.guide.handover.domain.Handover;
import com.siyu.guide.handover.domain.Handovers;
import com.siyu.guide.roster.domain.GuideScope;
import com.siyu.guide.roster.domain.Roster;
import com.siyu.guide.wecom.domain.ContactCode;
import com.siyu.guide.wecom.domain.ContactCodes;
import com.siyu.guide.wecom.domain.WecomCorp;
import com.siyu.guide.wecom.domain.WecomCorps;
import com.siyu.guide.wecom.domain.WecomRepository;
import com.siyu.guide.wecom.domain.WecomTransfer;
import com.siyu.guide.wecom.domain.WecomTransfers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The tenant's WeCom corp, its contact codes, the contacts shoppers dropped, and WeCom's transfer of a handover's customers. */
@RestController
@Validated
class WecomAdminController {

    private final WecomCorps corps;
    private final ContactCodes codes;
    private final WecomRepository contacts;
    private final WecomTransfers transfers;
    private final Handovers handovers;
    private final Roster roster;

    WecomAdminController(WecomCorps corps, ContactCodes codes, WecomRepository contacts, WecomTransfers transfers, Handovers handovers,
                         Roster roster) {
        this.corps = corps;
        this.codes = codes;
        this.contacts = contacts;
        this.transfers = transfers;
        this.handovers = handovers;
        this.roster = roster;
    }

    /** contactSecret: the 客户联系 secret; callbackToken / aesKey: the Token and EncodingAESKey of the callback settings. */
    record CorpRequest(@NotBlank @Pattern(regexp = "[A-Za-z0-9]{4,64}", message = "must be WeCom's corp id (letters and digits)") String corpId,
                       @Positive Integer agentId, @NotBlank @Size(max = 128) String contactSecret,
                       @NotBlank @Pattern(regexp = "[A-Za-z0-9]{3,32}", message = "must be 3-32 letters or digits") String callbackToken,
                       @NotBlank @Pattern(regexp = "[A-Za-z0-9]{43}", message = "must be the 43-character EncodingAESKey") String aesKey,
                       @Size(max = 1000) String welcomeText) {
    }

    /** Never the secrets: whether they are set, and the callback URL path to give WeCom. */
    record CorpResponse(String corpId, Integer agentId, boolean secretsSet, String welcomeText, String callbackPath) {
    }

    @PutMapping("/admin/v1/guide/wecom/corp")
    CorpResponse configure(@Valid @RequestBody CorpRequest request) {
        Caller admin = StaffOnly.require("TENANT_ADMIN");
        WecomCorp saved = corps.configure(new WecomCorp(request.corpId(), request.agentId(), request.contactSecret(), request.callbackToken(),
                request.aesKey(), request.welcomeText()), admin.staffId());
        return view(saved, admin.tenantId());
    }

    @GetMapping("/admin/v1/guide/wecom/corp")
    CorpResponse corp() {
        Caller admin = StaffOnly.require("TENANT_ADMIN", "OPERATOR");
        return view(corps.require(), admin.tenantId());
    }

    private static CorpResponse view(WecomCorp corp, long tenantId) {
        return new CorpResponse(corp.corpId(), corp.agentId(), true, corp.welcomeText(), "/api/v1/guide/wecom/callbacks/" + tenantId);
    }

    /** CHANNEL: a channel name and the guides sharing it; STORE: a store (its active WeCom guides unless named). */
    record CodeRequest(@NotNull ContactCode.Kind kind,
                       @NotBlank @Pattern(regexp = "[A-Za-z0-9_.:-]{1,64}", message = "must be 1-64 letters, digits or . _ : -") String channel,
                       @Positive Long storeId, @Size(max = 100) List<@NotNull @Positive Long> guideIds, @Size(max = 1000) String welcomeText,
                       @Size(max = 5) List<@NotBlank @Pattern(regexp = "[^\\n\\r]{1,40}", message = "must be 1-40 characters on one line") String> tags) {
    }

    record CodeResponse(long id, ContactCode.Kind kind, String channel, Long storeId, List<Long> guideIds, String qrCode, String state,
                        String welcomeText, Instant createdAt, List<String> tags) {
        static CodeResponse of(ContactCode c) {
            return new CodeResponse(c.id(), c.kind(), c.channel(), c.storeId(), c.guideIds(), c.qrCode(), c.state(), c.welcomeText(), c.createdAt(),
                    c.tags());
        }
    }

    @PostMapping("/admin/v1/guide/wecom/contact-codes")
    ResponseEntity<CodeResponse> createCode(@Valid @RequestBody CodeRequest request) {
        Caller staff = StaffOnly.require("TENANT_ADMIN", "OPERATOR", "MANAGER");
        Long store = GuideScope.storeOf(staff);
        if (store != null && !store.equals(request.storeId())) {
            throw new DomainException(org.springframework.http.HttpStatus.FORBIDDEN, "FORBIDDEN",
                    "A store manager creates contact codes for their own store (storeId " + store + ")");
        }
        ContactCode code = codes.create(new ContactCodes.NewCode(request.kind(), request.channel(), request.storeId(), request.guideIds(),
                request.welcomeText(), request.tags()), staff.staffId());
        return ResponseEntity.created(URI.create("/admin/v1/guide/wecom/contact-codes/" + code.id())).body(CodeResponse.of(code));
    }

    @GetMapping("/admin/v1/guide/wecom/contact-codes")
    List<CodeResponse> listCodes(@RequestParam(required = false) ContactCode.Kind kind, @RequestParam(required = false) @Positive Long storeId) {
        Caller staff = StaffOnly.require("TENANT_ADMIN", "OPERATOR", "MANAGER");
        Long store = GuideScope.storeOf(staff);
        return codes.list(kind, store != null ? store : storeId).stream().map(CodeResponse::of).toList();
    }

    record NearestResponse(CodeResponse code, long storeId, String storeName, long distanceMeters) {
    }

    /** The shopper's location (the mini-program's wx.getLocation) picks the nearest store's contact code. */
    @GetMapping("/api/v1/guide/wecom/contact-codes/nearest")
    NearestResponse nearest(@RequestParam @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
                            @RequestParam @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude) {
        MemberOnly.require();
        ContactCodes.Nearest nearest = codes.nearest(latitude, longitude);
        return new NearestResponse(CodeResponse.of(nearest.code()), nearest.store().id(), nearest.store().name(), nearest.distanceMeters());
    }

    record LostContactResponse(long guideId, Long memberId, String externalUserId, String channel, Instant addedAt, Instant lostAt) {
    }

    /** Shoppers who deleted their guide on WeCom, newest first: a manager sees their store's, an admin the tenant's. */
    @GetMapping("/admin/v1/guide/wecom/lost-contacts")
    List<LostContactResponse> lost(@RequestParam(required = false) @Positive Long storeId,
                                   @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        Caller staff = StaffOnly.require("TENANT_ADMIN", "OPERATOR", "MANAGER");
        Long store = GuideScope.storeOf(staff);
        return contacts.lostContacts(store != null ? store : storeId, limit).stream().filter(c -> c.guideId() != null)
                .map(c -> new LostContactResponse(c.guideId(), c.memberId(), c.externalUserId(), c.channel(), c.addedAt(), c.lostAt())).toList();
    }

    record TransferResponse(long memberId, String externalUserId, long fromGuideId, long toGuideId, String mode, String status, int attempts,
                            Integer errcode, String detail, Instant nextAt, Instant updatedAt) {
        static TransferResponse of(WecomTransfer t) {
            return new TransferResponse(t.memberId(), t.externalUserId(), t.fromGuideId(), t.toGuideId(), t.mode().name(), t.status().name(),
                    t.attempts(), t.errcode(), t.detail(), t.nextAt(), t.updatedAt());
        }
    }

    record TransfersResponse(long handoverId, Map<String, Long> counts, List<TransferResponse> customers) {
    }

    /** WeCom's side of a handover, per customer (see the README's "WeCom transfer" for what each outcome means for the binding). */
    @GetMapping("/admin/v1/guide/handovers/{id}/wecom-transfers")
    TransfersResponse transfers(@PathVariable long id) {
        Caller staff = StaffOnly.require("TENANT_ADMIN", "MANAGER", "OPERATOR");
        Handover handover = handovers.get(id);
        if (!GuideScope.sees(staff, roster.get(handover.guideId()))) {
            throw DomainException.notFound("Handover", id);
        }
        List<WecomTransfer> all = transfers.ofHandover(id);
        Map<String, Long> counts = all.stream().collect(Collectors.groupingBy(t -> t.status().name(), TreeMap::new, Collectors.counting()));
        return new TransfersResponse(id, counts, all.stream().map(TransferResponse::of).toList());
    }
}

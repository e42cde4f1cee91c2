package com.siyu.guide.wecom.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.siyu.common.context.Caller;
import com.siyu.common.context.SiyuHeaders;
import com.siyu.common.web.StaffOnly;
import com.siyu.guide.roster.domain.Guide;
import com.siyu.guide.roster.domain.Roster;
import com.siyu.guide.wecom.domain.WecomContent;
import com.siyu.guide.wecom.domain.WecomGroupMessageRepository;
import com.siyu.guide.wecom.domain.WecomGroupMessages;
import com.siyu.guide.wecom.domain.WecomMomentRepository;
import com.siyu.guide.wecom.domain.WecomMoments;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * WeCom group messages (客户群群发) and moments (朋友圈) through the guides: operators (a store's manager: their store's
 * guides) create and follow them; a guide lists what waits for them in their WeCom client.
 */
@RestController
@Validated
class WecomBroadcastController {

    static final String[] SENDERS = {"TENANT_ADMIN", "OPERATOR", "MANAGER"};

    private final WecomGroupMessages groupMessages;
    private final WecomMoments moments;
    private final Roster roster;

    WecomBroadcastController(WecomGroupMessages groupMessages, WecomMoments moments, Roster roster) {
        this.groupMessages = groupMessages;
        this.moments = moments;
        this.roster = roster;
    }

    /**
     * type link: title, url (https), optional desc and picUrl (https; group messages only). type miniprogram (group
     * messages only): title, appId, page, picMediaId (WeCom's media id of the card's cover, as given). Images, videos
     * and files need WeCom's media upload and are refused (422 ATTACHMENT_NEEDS_MEDIA_UPLOAD).
     */
    record AttachmentRequest(@NotBlank String type, String title, String url, String desc, String picUrl, String appId, String page,
                             String picMediaId) {
        WecomContent.Given given() {
            return new WecomContent.Given(type, title, url, desc, picUrl, appId, page, picMediaId);
        }
    }

    /** storeIds: the ACTIVE guides of these stores (a manager: their own store, the default); none: every store's. */
    record GroupMessageRequest(@NotBlank @Size(max = WecomContent.MAX_TEXT) String text, @Size(max = 9) List<@NotNull @Valid AttachmentRequest> attachments,
                               @Size(max = 200) List<@NotNull @Positive Long> storeIds) {
    }

    /** guideIds (up to 10,000) or storeIds; neither: every active guide the caller sees. At most one link. */
    record MomentRequest(@NotBlank @Size(max = WecomContent.MAX_TEXT) String text, @Size(max = 1) List<@NotNull @Valid AttachmentRequest> attachments,
                         @Size(max = 200) List<@NotNull @Positive Long> storeIds, @Size(max = 10_000) List<@NotNull @Positive Long> guideIds) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AttachmentResponse(String type, String title, String url, String desc, String picUrl, String appId, String page, String picMediaId) {
        static List<AttachmentResponse> of(WecomContent content) {
            return content.attachments().stream().map(a -> a instanceof WecomContent.Link l
                    ? new AttachmentResponse("link", l.title(), l.url(), l.desc(), l.picUrl(), null, null, null)
                    : of((WecomContent.MiniProgram) a)).toList();
        }

        private static AttachmentResponse of(WecomContent.MiniProgram m) {
            return new AttachmentResponse("miniprogram", m.title(), null, null, null, m.appId(), m.page(), m.picMediaId());
        }
    }

    record GroupMessageLineResponse(long guideId, long storeId, String senderUserId, String status, int attempts, Integer errcode, String detail,
                                    String msgId, List<String> failList, Instant nextAttemptAt, String wecomStatus, Instant sentAt,
                                    Integer groupsReached, Integer groupsUnsent, Integer groupsFailed, Instant readAt) {
        static GroupMessageLineResponse of(WecomGroupMessageRepository.Line l) {
            return new GroupMessageLineResponse(l.guideId(), l.storeId(), l.senderUserId(), l.status().name(), l.attempts(), l.errcode(), l.detail(),
                    l.msgId(), l.failList(), l.nextAt(), l.wecomStatus(), l.sentAt(), l.groupsReached(), l.groupsUnsent(), l.groupsFailed(), l.readAt());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record GroupMessageResponse(long id, String text, List<AttachmentResponse> attachments, List<Long> storeIds, long createdBy, Instant createdAt,
                                WecomGroupMessages.Totals totals, List<GroupMessageLineResponse> lines) {
        static GroupMessageResponse of(WecomGroupMessages.View v, boolean withLines) {
            return new GroupMessageResponse(v.message().id(), v.message().content().text(), AttachmentResponse.of(v.message().content()),
                    v.message().storeIds(), v.message().createdBy(), v.message().createdAt(), v.totals(),
                    withLines ? v.lines().stream().map(GroupMessageLineResponse::of).toList() : null);
        }
    }

    record MomentLineResponse(long guideId, long storeId, String userId, String status, Instant readAt) {
        static MomentLineResponse of(WecomMomentRepository.Line l) {
            return new MomentLineResponse(l.guideId(), l.storeId(), l.userId(), l.status().name(), l.readAt());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MomentResponse(long id, String text, List<AttachmentResponse> attachments, List<Long> storeIds, String status, int attempts, Integer errcode,
                          String detail, String jobId, String wecomMomentId, long createdBy, Instant createdAt, Instant readAt,
                          WecomMoments.Totals totals, List<MomentLineResponse> lines) {
        static MomentResponse of(WecomMoments.View v, boolean withLines) {
            WecomMomentRepository.Moment m = v.moment();
            return new MomentResponse(m.id(), m.content().text(), AttachmentResponse.of(m.content()), m.storeIds(), m.status().name(), m.attempts(),
                    m.errcode(), m.detail(), m.jobId(), m.wecomMomentId(), m.createdBy(), m.createdAt(), m.readAt(), v.totals(),
                    withLines ? v.lines().stream().map(MomentLineResponse::of).toList() : null);
        }
    }

    /** 201 with the message and a line per guide (PENDING until the job sends it within seconds, or NO_WECOM_USER). */
    @PostMapping("/admin/v1/guide/wecom/group-messages")
    ResponseEntity<GroupMessageResponse> createGroupMessage(@Valid @RequestBody GroupMessageRequest r,
                                                            @RequestHeader(SiyuHeaders.IDEMPOTENCY_KEY) String key) {
        Caller staff = StaffOnly.require(SENDERS);
        WecomContent content = WecomContent.of(WecomContent.Use.GROUP_MESSAGE, r.text(), given(r.attachments()));
        WecomGroupMessages.View made = groupMessages.create(staff, key, content, r.storeIds());
        return ResponseEntity.created(URI.create("/admin/v1/guide/wecom/group-messages/" + made.message().id()))
                .body(GroupMessageResponse.of(made, true));
    }

    /** Newest first; {@code before}: the last id of the previous page. */
    @GetMapping("/admin/v1/guide/wecom/group-messages")
    List<GroupMessageResponse> groupMessages(@RequestParam(required = false) @Positive Long before,
                                             @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        Caller staff = StaffOnly.require(SENDERS);
        return groupMessages.list(staff, before, limit).stream().map(v -> GroupMessageResponse.of(v, false)).toList();
    }

    @GetMapping("/admin/v1/guide/wecom/group-messages/{id}")
    GroupMessageResponse groupMessage(@PathVariable long id) {
        return GroupMessageResponse.of(groupMessages.get(StaffOnly.require(SENDERS), id), true);
    }

    /** Reads WeCom's results now (each guide's send status, the groups reached); 502/503 when WeCom fails. */
    @PostMapping("/admin/v1/guide/wecom/group-messages/{id}/refresh")
    GroupMessageResponse refreshGroupMessage(@PathVariable long id) {
        return GroupMessageResponse.of(groupMessages.refresh(StaffOnly.require(SENDERS), id), true);
    }

    /** 201 with the moment PENDING (the job submits it to WeCom, then polls WeCom's job for the moment id). */
    @PostMapping("/admin/v1/guide/wecom/moments")
    ResponseEntity<MomentResponse> createMoment(@Valid @RequestBody MomentRequest r, @RequestHeader(SiyuHeaders.IDEMPOTENCY_KEY) String key) {
        Caller staff = StaffOnly.require(SENDERS);
        WecomContent content = WecomContent.of(WecomContent.Use.MOMENT, r.text(), given(r.attachments()));
        WecomMoments.View made = moments.create(staff, key, content, r.storeIds(), r.guideIds());
        return ResponseEntity.created(URI.create("/admin/v1/guide/wecom/moments/" + made.moment().id())).body(MomentResponse.of(made, true));
    }

    @GetMapping("/admin/v1/guide/wecom/moments")
    List<MomentResponse> moments(@RequestParam(required = false) @Positive Long before, @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        Caller staff = StaffOnly.require(SENDERS);
        return moments.list(staff, before, limit).stream().map(v -> MomentResponse.of(v, false)).toList();
    }

    @GetMapping("/admin/v1/guide/wecom/moments/{id}")
    MomentResponse moment(@PathVariable long id) {
        return MomentResponse.of(moments.get(StaffOnly.require(SENDERS), id), true);
    }

    @PostMapping("/admin/v1/guide/wecom/moments/{id}/refresh")
    MomentResponse refreshMoment(@PathVariable long id) {
        return MomentResponse.of(moments.refresh(StaffOnly.require(SENDERS), id), true);
    }

    record MyTaskResponse(String kind, long id, String text, List<AttachmentResponse> attachments, Instant createdAt) {
    }

    /** The guide's group messages and moments WeCom has not seen them send or publish yet (newest first, 50 of each at most). */
    @GetMapping("/admin/v1/guide/wecom/my-tasks")
    List<MyTaskResponse> myTasks() {
        Caller staff = StaffOnly.require("GUIDE");
        Guide guide = roster.ofStaff(staff.staffId());
        List<MyTaskResponse> tasks = new ArrayList<>();
        groupMessages.waitingFor(guide.id(), 50).forEach(e -> tasks.add(new MyTaskResponse("GROUP_MESSAGE", e.getKey().id(), e.getKey().content().text(),
                AttachmentResponse.of(e.getKey().content()), e.getKey().createdAt())));
        moments.waitingFor(guide.id(), 50).forEach(m -> tasks.add(new MyTaskResponse("MOMENT", m.id(), m.content().text(),
                AttachmentResponse.of(m.content()), m.createdAt())));
        tasks.sort(Comparator.comparing(MyTaskResponse::createdAt).thenComparing(MyTaskResponse::id).reversed());
        return tasks;
    }

    private static List<WecomContent.Given> given(List<AttachmentRequest> attachments) {
        return attachments == null ? List.of() : attachments.stream().map(AttachmentRequest::given).toList();
    }
}

package com.siyu.touchpoint.support.api;

import com.siyu.common.context.Caller;
import com.siyu.common.web.StaffOnly;
import com.siyu.touchpoint.support.domain.CsAccount;
import com.siyu.touchpoint.support.domain.CustomerService;
import com.siyu.touchpoint.support.domain.KeywordRule;
import com.siyu.touchpoint.support.domain.SupportRepository;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Message push settings, keyword rules, and the conversations customer service answers. */
@RestController
@Validated
class SupportAdminController {

    private static final String[] AGENTS = {"SERVICE_AGENT", "MANAGER", "TENANT_ADMIN"};

    private final CustomerService service;

    SupportAdminController(CustomerService service) {
        this.service = service;
    }

    /** The Token (3-32 letters or digits) and EncodingAESKey (43 characters) set in the mini-program's message push settings. */
    record AccountRequest(@NotNull @Pattern(regexp = "[A-Za-z0-9]{3,32}") String token, @NotNull @Pattern(regexp = "[A-Za-z0-9]{43}") String encodingAesKey) {
    }

    @PutMapping("/admin/v1/touchpoint/customer-service")
    Map<String, Object> setAccount(@Valid @RequestBody AccountRequest r) {
        StaffOnly.require("TENANT_ADMIN");
        service.setAccount(new CsAccount(r.token(), r.encodingAesKey()));
        return Map.of("configured", true);
    }

    @GetMapping("/admin/v1/touchpoint/customer-service")
    Map<String, Object> account() {
        StaffOnly.require(AGENTS);
        return Map.of("configured", service.accountSet());
    }

    record ReplyRequest(@NotNull KeywordRule.Reply.Type type, @Size(max = 600) String text, @Size(max = 64) String title, @Size(max = 256) String page,
                        @Size(max = 128) String thumbMediaId) {
    }

    record RuleRequest(@NotNull KeywordRule.MatchType matchType, @NotBlank @Size(max = 200) String pattern, @NotNull @Min(0) @Max(10_000) Integer priority,
                       @NotNull @Valid ReplyRequest reply, Boolean enabled) {

        KeywordRule rule(long id) {
            return new KeywordRule(id, matchType, pattern, priority, new KeywordRule.Reply(reply.type(), reply.text(), reply.title(), reply.page(),
                    reply.thumbMediaId()), !Boolean.FALSE.equals(enabled));
        }
    }

    @PostMapping("/admin/v1/touchpoint/keyword-rules")
    ResponseEntity<KeywordRule> addRule(@Valid @RequestBody RuleRequest r) {
        StaffOnly.require("SERVICE_AGENT", "MANAGER", "TENANT_ADMIN", "OPERATOR");
        KeywordRule made = service.addRule(r.rule(0));
        return ResponseEntity.created(URI.create("/admin/v1/touchpoint/keyword-rules/" + made.id())).body(made);
    }

    @GetMapping("/admin/v1/touchpoint/keyword-rules")
    List<KeywordRule> rules() {
        StaffOnly.require("SERVICE_AGENT", "MANAGER", "TENANT_ADMIN", "OPERATOR");
        return service.rules();
    }

    @PutMapping("/admin/v1/touchpoint/keyword-rules/{id}")
    KeywordRule updateRule(@PathVariable long id, @Valid @RequestBody RuleRequest r) {
        StaffOnly.require("SERVICE_AGENT", "MANAGER", "TENANT_ADMIN", "OPERATOR");
        return service.updateRule(r.rule(id));
    }

    @DeleteMapping("/admin/v1/touchpoint/keyword-rules/{id}")
    ResponseEntity<Void> deleteRule(@PathVariable long id) {
        StaffOnly.require("SERVICE_AGENT", "MANAGER", "TENANT_ADMIN", "OPERATOR");
        service.deleteRule(id);
        return ResponseEntity.noContent().build();
    }

    /** status: WAITING (for a person, oldest first), BOT, ANSWERED; all by latest when absent. */
    @GetMapping("/admin/v1/touchpoint/conversations")
    List<SupportRepository.Conversation> conversations(@RequestParam(required = false) @Pattern(regexp = "NEW|WAITING|BOT|ANSWERED") String status) {
        StaffOnly.require(AGENTS);
        return service.conversations(status);
    }

    @GetMapping("/admin/v1/touchpoint/conversations/{id}/messages")
    List<SupportRepository.Message> messages(@PathVariable long id) {
        StaffOnly.require(AGENTS);
        return service.messages(id);
    }

    record AnswerRequest(@NotBlank @Size(max = 600) String text) {
    }

    @PostMapping("/admin/v1/touchpoint/conversations/{id}/replies")
    SupportRepository.Message answer(@PathVariable long id, @Valid @RequestBody AnswerRequest r) {
        Caller staff = StaffOnly.require(AGENTS);
        return service.answer(id, r.text(), staff.staffId());
    }
}

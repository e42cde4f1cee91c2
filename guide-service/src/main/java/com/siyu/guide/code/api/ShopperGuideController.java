package com.siyu.guide.code.api;

import com.siyu.common.context.CallerContext;
import com.siyu.common.web.MemberOnly;
import com.siyu.guide.binding.domain.BindingSource;
import com.siyu.guide.binding.domain.Bindings;
import com.siyu.guide.code.domain.GuideCodes;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A shopper scans a guide's code or opens a share link (the token it carries) and gets, keeps or changes a guide by the tenant's rule. */
@RestController
class ShopperGuideController {

    private final GuideCodes codes;
    private final Bindings bindings;

    ShopperGuideController(GuideCodes codes, Bindings bindings) {
        this.codes = codes;
        this.bindings = bindings;
    }

    record ScanRequest(@NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{10,200}\\.[A-Za-z0-9_-]{43}", message = "must be a guide code") String code) {
    }

    /** {@code outcome}: BIND, MOVE (the rule let this guide take the shopper), ALREADY, or KEEP (the current guide stays). */
    record MyGuide(String outcome, long guideId, String guideName, long storeId, String source, Instant boundAt) {
        static MyGuide of(String outcome, Bindings.BoundGuide bound) {
            return new MyGuide(outcome, bound.guide().id(), bound.guide().name(), bound.guide().storeId(), bound.binding().source(),
                    bound.binding().boundAt());
        }
    }

    @PostMapping("/api/v1/guide/bindings")
    ResponseEntity<MyGuide> scan(@Valid @RequestBody ScanRequest request) {
        long memberId = MemberOnly.require();
        GuideCodes.GuideToken token = codes.verifyFor(CallerContext.requireTenant(), request.code());
        BindingSource source = token.isLink() ? BindingSource.LINK : BindingSource.CODE;
        Bindings.Touched touched = bindings.touch(new Bindings.Touch(memberId, token.guideId(), source, null, null, null));
        MyGuide body = MyGuide.of(touched.decision().name(), touched.bound());
        return switch (touched.decision()) {
            case BIND, MOVE -> ResponseEntity.status(HttpStatus.CREATED).body(body);
            case ALREADY, KEEP -> ResponseEntity.ok(body);
        };
    }

    @GetMapping("/api/v1/guide/my-guide")
    MyGuide mine() {
        return MyGuide.of("ALREADY", bindings.requireGuideOf(MemberOnly.require()));
    }
}

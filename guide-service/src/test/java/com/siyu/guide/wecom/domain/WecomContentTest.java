package com.siyu.guide.wecom.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.siyu.common.problem.DomainException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WecomContentTest {

    static WecomContent.Given link(String url) {
        return new WecomContent.Given("link", "周末焕新", url, "满100减20", "https://img.example/cover.png", null, null, null);
    }

    static WecomContent.Given card(String appId) {
        return new WecomContent.Given("miniprogram", "会员日", null, null, null, appId, "pages/index/index", "MEDIA_1");
    }

    @Test
    void aGroupMessageTakesLinksAndMiniProgramCards() {
        WecomContent content = WecomContent.of(WecomContent.Use.GROUP_MESSAGE, "周末见", List.of(link("https://mall.example/a"), card("wx1234567890abcdef")));
        assertThat(content.attachments()).containsExactly(
                new WecomContent.Link("周末焕新", "https://mall.example/a", "满100减20", "https://img.example/cover.png"),
                new WecomContent.MiniProgram("会员日", "wx1234567890abcdef", "pages/index/index", "MEDIA_1"));
    }

    @Test
    void eachRefusalNamesTheField() {
        assertThat(field(() -> WecomContent.of(WecomContent.Use.GROUP_MESSAGE, " ", List.of()))).isEqualTo("text");
        assertThat(field(() -> WecomContent.of(WecomContent.Use.GROUP_MESSAGE, "x".repeat(1501), List.of()))).isEqualTo("text");
        assertThat(field(() -> WecomContent.of(WecomContent.Use.GROUP_MESSAGE, "x", List.of(link("http://mall.example/a")))))
                .isEqualTo("attachments[0].url");
        assertThat(field(() -> WecomContent.of(WecomContent.Use.GROUP_MESSAGE, "x", List.of(link("https://a.example"), card("gh_123456")))))
                .isEqualTo("attachments[1].appId");
        assertThat(field(() -> WecomContent.of(WecomContent.Use.GROUP_MESSAGE, "x", List.of(new WecomContent.Given("miniprogram", "t", null, null,
                null, "wx12345678", "p", null))))).isEqualTo("attachments[0].picMediaId");
        assertThat(field(() -> WecomContent.of(WecomContent.Use.GROUP_MESSAGE, "x", List.of(new WecomContent.Given("video", null, null, null, null,
                null, null, null))))).isEqualTo("attachments[0].type");
    }

    @Test
    void imagesNeedAnUploadAndMomentsTakeOnlyALinkOfTitleAndUrl() {
        DomainException image = catchDomain(() -> WecomContent.of(WecomContent.Use.MOMENT, "x", List.of(new WecomContent.Given("image", null, null,
                null, null, null, null, null))));
        assertThat(image.code()).isEqualTo("ATTACHMENT_NEEDS_MEDIA_UPLOAD");
        assertThat(catchDomain(() -> WecomContent.of(WecomContent.Use.MOMENT, "x", List.of(card("wx1234567890")))).code())
                .isEqualTo("MOMENT_ATTACHMENT_UNSUPPORTED");
        assertThat(field(() -> WecomContent.of(WecomContent.Use.MOMENT, "x", List.of(link("https://a.example"))))).isEqualTo("attachments[0].desc");
        WecomContent moment = WecomContent.of(WecomContent.Use.MOMENT, "x", List.of(new WecomContent.Given("link", "t", "https://a.example", null, null,
                null, null, null)));
        assertThat(moment.attachments()).containsExactly(new WecomContent.Link("t", "https://a.example", null, null));
    }

    private static DomainException catchDomain(Runnable r) {
        try {
            r.run();
        } catch (DomainException e) {
            return e;
        }
        throw new AssertionError("not refused");
    }

    @SuppressWarnings("unchecked")
    private static String field(Runnable r) {
        DomainException e = catchDomain(r);
        List<Map<String, Object>> errors = (List<Map<String, Object>>) e.properties().get("errors");
        return (String) errors.get(0).get("field");
    }
}

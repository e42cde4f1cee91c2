package com.siyu.guide.wecom.domain;

import com.siyu.common.problem.DomainException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/**
 * What a group message or a moment says: text plus the attachments WeCom takes without a media upload — a link
 * (title, https url, optional desc and https cover) and, in group messages, a mini-program card (title, appid, page
 * and the cover's pic_media_id, which WeCom requires and is taken as given). Images (and videos, files) need WeCom's
 * media upload, which guide-service does not do: they are refused. Validates itself; a refusal names the field.
 */
public record WecomContent(String text, List<Attachment> attachments) {

    public static final int MAX_TEXT = 1500;
    static final int MAX_GROUP_ATTACHMENTS = 9;
    static final Pattern APP_ID = Pattern.compile("wx[0-9a-zA-Z]{6,30}");

    public sealed interface Attachment permits Link, MiniProgram {
    }

    public record Link(String title, String url, String desc, String picUrl) implements Attachment {
    }

    public record MiniProgram(String title, String appId, String page, String picMediaId) implements Attachment {
    }

    /** An attachment as a request gives it (every field optional until its type is known). */
    public record Given(String type, String title, String url, String desc, String picUrl, String appId, String page, String picMediaId) {
    }

    public enum Use { GROUP_MESSAGE, MOMENT }

    public WecomContent {
        attachments = List.copyOf(attachments);
    }

    /** The content for {@code use}, or a 400/422 problem naming the field that is wrong. */
    public static WecomContent of(Use use, String text, List<Given> given) {
        if (text == null || text.isBlank()) {
            throw invalid("text", "must not be blank");
        }
        if (text.length() > MAX_TEXT) {
            throw invalid("text", "must be at most " + MAX_TEXT + " characters");
        }
        List<Given> items = given == null ? List.of() : given;
        int max = use == Use.MOMENT ? 1 : MAX_GROUP_ATTACHMENTS;
        if (items.size() > max) {
            throw invalid("attachments", use == Use.MOMENT ? "a moment takes at most one link" : "at most " + max + " attachments");
        }
        List<Attachment> attachments = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            attachments.add(attachment(use, "attachments[" + i + "]", items.get(i)));
        }
        return new WecomContent(text, attachments);
    }

    private static Attachment attachment(Use use, String at, Given g) {
        if (g == null || g.type() == null) {
            throw invalid(at + ".type", "must be link or miniprogram");
        }
        switch (g.type()) {
            case "link" -> {
                String title = required(at + ".title", g.title(), 128);
                String url = https(at + ".url", g.url(), true);
                if (use == Use.MOMENT && (g.desc() != null || g.picUrl() != null)) {
                    // WeCom's moment link is title, url and a cover media_id (an upload): no desc, no picurl
                    throw invalid(at + (g.desc() != null ? ".desc" : ".picUrl"), "a moment's link takes only title and url");
                }
                if (g.desc() != null && g.desc().length() > 512) {
                    throw invalid(at + ".desc", "must be at most 512 characters");
                }
                return new Link(title, url, g.desc(), https(at + ".picUrl", g.picUrl(), false));
            }
            case "miniprogram" -> {
                if (use == Use.MOMENT) {
                    throw new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, "MOMENT_ATTACHMENT_UNSUPPORTED",
                            at + ": WeCom's moments take images, a video or one link, not mini-program cards",
                            Map.of("errors", List.of(Map.of("field", at + ".type", "message", "is not accepted in a moment"))));
                }
                String title = required(at + ".title", g.title(), 64);
                String appId = required(at + ".appId", g.appId(), 32);
                if (!APP_ID.matcher(appId).matches()) {
                    throw invalid(at + ".appId", "must be a mini-program appid (wx and 6-30 letters or digits)");
                }
                return new MiniProgram(title, appId, required(at + ".page", g.page(), 256), required(at + ".picMediaId", g.picMediaId(), 256));
            }
            case "image", "video", "file" -> throw new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, "ATTACHMENT_NEEDS_MEDIA_UPLOAD",
                    at + ": WeCom takes " + g.type() + "s only as uploaded media (media_id), which guide-service does not upload yet;"
                            + " send a link or a mini-program card instead",
                    Map.of("errors", List.of(Map.of("field", at + ".type", "message", g.type() + " needs a media upload"))));
            default -> throw invalid(at + ".type", "must be link or miniprogram");
        }
    }

    private static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw invalid(field, "must not be blank");
        }
        if (value.length() > max) {
            throw invalid(field, "must be at most " + max + " characters");
        }
        return value;
    }

    private static String https(String field, String value, boolean required) {
        if (value == null && !required) {
            return null;
        }
        String url = required(field, value, 2048);
        if (!url.startsWith("https://") || url.length() <= "https://".length() || url.chars().anyMatch(Character::isWhitespace)) {
            throw invalid(field, "must be an https URL");
        }
        return url;
    }

    static DomainException invalid(String field, String message) {
        return new DomainException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "The request has invalid values: " + field,
                Map.of("errors", List.of(Map.of("field", field, "message", message))));
    }
}

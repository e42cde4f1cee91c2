package com.siyu.guide.wecom.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.siyu.guide.wecom.domain.WecomApi;
import com.siyu.guide.wecom.domain.WecomContent;
import com.siyu.guide.wecom.domain.WecomOutcomeUnknown;
import com.siyu.guide.wecom.domain.WecomUnavailable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON of WeCom's group-message and moment endpoints, written and read here (WxJava's beans for them drop
 * fields WeCom answers, such as the moment job result's errcode): request bodies exactly as WeCom documents them,
 * answers read leniently (missing fields are absent, not errors).
 */
final class WecomPayloads {

    private static final ObjectMapper JSON = new ObjectMapper();

    private WecomPayloads() {
    }

    static String groupMsgTemplate(String sender, WecomContent content) {
        ObjectNode body = JSON.createObjectNode();
        body.put("chat_type", "group");
        body.put("sender", sender);
        body.putObject("text").put("content", content.text());
        if (!content.attachments().isEmpty()) {
            attachments(body, content, false);
        }
        return body.toString();
    }

    static String momentTask(List<String> userIds, WecomContent content) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("text").put("content", content.text());
        if (!content.attachments().isEmpty()) {
            attachments(body, content, true);
        }
        ArrayNode users = body.putObject("visible_range").putObject("sender_list").putArray("user_list");
        userIds.forEach(users::add);
        return body.toString();
    }

    private static void attachments(ObjectNode body, WecomContent content, boolean moment) {
        ArrayNode list = body.putArray("attachments");
        for (WecomContent.Attachment a : content.attachments()) {
            ObjectNode item = list.addObject();
            if (a instanceof WecomContent.Link link) {
                item.put("msgtype", "link");
                ObjectNode l = item.putObject("link");
                l.put("title", link.title());
                if (!moment && link.picUrl() != null) {
                    l.put("picurl", link.picUrl());
                }
                if (!moment && link.desc() != null) {
                    l.put("desc", link.desc());
                }
                l.put("url", link.url());
            } else if (a instanceof WecomContent.MiniProgram mp) {
                item.put("msgtype", "miniprogram");
                ObjectNode m = item.putObject("miniprogram");
                m.put("title", mp.title());
                m.put("pic_media_id", mp.picMediaId());
                m.put("appid", mp.appId());
                m.put("page", mp.page());
            }
        }
    }

    static String groupMsgTaskPage(String msgId, String cursor) {
        ObjectNode body = JSON.createObjectNode().put("msgid", msgId).put("limit", 1000);
        if (cursor != null) {
            body.put("cursor", cursor);
        }
        return body.toString();
    }

    static String groupMsgSendPage(String msgId, String userId, String cursor) {
        ObjectNode body = JSON.createObjectNode().put("msgid", msgId).put("userid", userId).put("limit", 1000);
        if (cursor != null) {
            body.put("cursor", cursor);
        }
        return body.toString();
    }

    static String momentTaskPage(String momentId, String cursor) {
        ObjectNode body = JSON.createObjectNode().put("moment_id", momentId).put("limit", 1000);
        if (cursor != null) {
            body.put("cursor", cursor);
        }
        return body.toString();
    }

    /** An answer to a task creation that cannot be read: WeCom may have made the task. */
    static WecomApi.GroupMsgCreated groupMsgCreated(String answer) {
        JsonNode root = created(answer);
        String msgId = text(root, "msgid");
        if (msgId == null) {
            throw new WecomOutcomeUnknown("WeCom's add_msg_template answer has no msgid");
        }
        return new WecomApi.GroupMsgCreated(msgId, strings(root.path("fail_list")));
    }

    record Page<T>(List<T> items, String nextCursor) {
    }

    static Page<WecomApi.GroupMsgTask> groupMsgTasks(String answer) {
        JsonNode root = read(answer);
        List<WecomApi.GroupMsgTask> tasks = new ArrayList<>();
        for (JsonNode t : root.path("task_list")) {
            long sent = t.path("send_time").asLong(0);
            tasks.add(new WecomApi.GroupMsgTask(text(t, "userid"), t.path("status").asInt(0), sent > 0 ? Instant.ofEpochSecond(sent) : null));
        }
        return new Page<>(tasks, text(root, "next_cursor"));
    }

    static Page<WecomApi.GroupMsgSend> groupMsgSends(String answer) {
        JsonNode root = read(answer);
        List<WecomApi.GroupMsgSend> sends = new ArrayList<>();
        for (JsonNode s : root.path("send_list")) {
            sends.add(new WecomApi.GroupMsgSend(text(s, "chat_id"), s.path("status").asInt(0)));
        }
        return new Page<>(sends, text(root, "next_cursor"));
    }

    static String jobId(String answer) {
        String jobId = text(created(answer), "jobid");
        if (jobId == null) {
            throw new WecomOutcomeUnknown("WeCom's add_moment_task answer has no jobid");
        }
        return jobId;
    }

    static WecomApi.MomentJob momentJob(String answer) {
        JsonNode root = read(answer);
        JsonNode result = root.path("result");
        Integer errcode = result.has("errcode") ? result.path("errcode").asInt() : null;
        return new WecomApi.MomentJob(root.path("status").asInt(0), errcode, text(result, "errmsg"), text(result, "moment_id"),
                strings(result.path("invalid_sender_list").path("user_list")));
    }

    static Page<Map.Entry<String, Integer>> momentTasks(String answer) {
        JsonNode root = read(answer);
        List<Map.Entry<String, Integer>> tasks = new ArrayList<>();
        for (JsonNode t : root.path("task_list")) {
            if (text(t, "userid") != null) {
                tasks.add(Map.entry(text(t, "userid"), t.path("publish_status").asInt(0)));
            }
        }
        return new Page<>(tasks, text(root, "next_cursor"));
    }

    static Map<String, Integer> merge(List<Map.Entry<String, Integer>> entries) {
        Map<String, Integer> map = new LinkedHashMap<>();
        entries.forEach(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }

    private static JsonNode created(String answer) {
        try {
            return read(answer);
        } catch (WecomUnavailable e) {
            throw new WecomOutcomeUnknown(e.getMessage());
        }
    }

    private static JsonNode read(String answer) {
        try {
            JsonNode root = JSON.readTree(answer == null ? "" : answer);
            if (root == null || !root.isObject()) {
                throw new WecomUnavailable("WeCom answered something that is not a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new WecomUnavailable("WeCom answered something that is not JSON");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> {
            if (!v.isNull() && !v.asText().isBlank()) {
                values.add(v.asText());
            }
        });
        return values;
    }
}

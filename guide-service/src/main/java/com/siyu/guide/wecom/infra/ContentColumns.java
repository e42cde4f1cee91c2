package com.siyu.guide.wecom.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.siyu.guide.wecom.domain.WecomContent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** A message's attachments as the JSON column keeps them, and store id lists as comma-separated text. */
final class ContentColumns {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ContentColumns() {
    }

    static String attachments(WecomContent content) {
        ArrayNode list = JSON.createArrayNode();
        for (WecomContent.Attachment a : content.attachments()) {
            ObjectNode item = list.addObject();
            if (a instanceof WecomContent.Link l) {
                item.put("type", "link").put("title", l.title()).put("url", l.url()).put("desc", l.desc()).put("picUrl", l.picUrl());
            } else if (a instanceof WecomContent.MiniProgram m) {
                item.put("type", "miniprogram").put("title", m.title()).put("appId", m.appId()).put("page", m.page()).put("picMediaId", m.picMediaId());
            }
        }
        return list.toString();
    }

    static WecomContent content(String text, String attachments) {
        List<WecomContent.Attachment> list = new ArrayList<>();
        JsonNode items;
        try {
            items = JSON.readTree(attachments);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable attachments column", e);
        }
        for (JsonNode item : items) {
            if ("link".equals(item.path("type").asText())) {
                list.add(new WecomContent.Link(text(item, "title"), text(item, "url"), text(item, "desc"), text(item, "picUrl")));
            } else {
                list.add(new WecomContent.MiniProgram(text(item, "title"), text(item, "appId"), text(item, "page"), text(item, "picMediaId")));
            }
        }
        return new WecomContent(text, list);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }

    static String ids(List<Long> ids) {
        return ids == null ? null : ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    static List<Long> ids(String column) {
        return column == null || column.isBlank() ? null : Arrays.stream(column.split(",")).map(Long::valueOf).toList();
    }

    static String strings(List<String> values) {
        return values == null || values.isEmpty() ? null : Columns.clip(String.join(",", values), 2000);
    }

    static List<String> strings(String column) {
        return column == null || column.isBlank() ? List.of() : List.of(column.split(","));
    }
}

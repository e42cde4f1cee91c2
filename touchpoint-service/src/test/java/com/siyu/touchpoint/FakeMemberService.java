package com.siyu.touchpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * member-service as a WireMock extension answering from in-memory members, so that thousands of them can be paged and
 * looked up as member-service does: a segment's members by keyset (after, size), their contacts (nickname, phone) and
 * their mini-program openids, only for the ids asked. A segment page after {@link #failAfter} answers 503 (the job
 * dies there).
 */
final class FakeMemberService implements ResponseDefinitionTransformerV2 {

    static final String NAME = "fake-member-service";

    record Member(long id, String nickname, String phone, String openId) {
    }

    private final ObjectMapper json = new ObjectMapper();
    /** segment id → its members, by id. */
    final Map<Long, List<Member>> segments = new ConcurrentHashMap<>();
    final Map<Long, Member> members = new ConcurrentHashMap<>();
    /** Members following the official account (their openid there is "mp-" + id). */
    final java.util.Set<Long> mpFollowers = ConcurrentHashMap.newKeySet();
    /** Segments made by name (a preset's, POST /internal/segments/ensure): name → id and the rule asked. */
    final Map<String, Long> ensured = new ConcurrentHashMap<>();
    final Map<String, JsonNode> ensuredRules = new ConcurrentHashMap<>();
    private final AtomicLong nextSegment = new AtomicLong(5_000_000);
    /** Segment pages asked after this member id answer 503 (-1: none). */
    final AtomicLong failAfter = new AtomicLong(-1);

    void segment(long id, List<Member> of) {
        segments.put(id, of);
        of.forEach(m -> members.put(m.id(), m));
    }

    void reset() {
        segments.clear();
        members.clear();
        mpFollowers.clear();
        ensured.clear();
        ensuredRules.clear();
        failAfter.set(-1);
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        Request request = event.getRequest();
        String path = request.getUrl().replaceFirst("\\?.*", "");
        try {
            if (path.equals("/internal/segments/ensure")) {
                JsonNode asked = json.readTree(request.getBodyAsString());
                String name = asked.path("name").asText();
                JsonNode known = ensuredRules.putIfAbsent(name, asked.path("rule"));
                if (known != null && !known.equals(asked.path("rule"))) {
                    return problem(409, "SEGMENT_NAME_TAKEN", "A segment named '" + name + "' exists");
                }
                long id = ensured.computeIfAbsent(name, n -> nextSegment.incrementAndGet());
                segments.putIfAbsent(id, List.of());
                return ok(Map.of("id", id, "name", name));
            }
            if (path.startsWith("/internal/segments/")) {
                long segment = Long.parseLong(path.split("/")[3]);
                List<Member> of = segments.get(segment);
                if (of == null) {
                    return problem(404, "NOT_FOUND", "Segment " + segment + " not found");
                }
                long after = Long.parseLong(request.queryParameter("after").firstValue());
                int size = Integer.parseInt(request.queryParameter("size").firstValue());
                if (failAfter.get() >= 0 && after >= failAfter.get()) {
                    return problem(503, "UNAVAILABLE", "member-service is restarting");
                }
                List<Long> ids = of.stream().map(Member::id).filter(id -> id > after).sorted().limit(size).toList();
                return ok(Map.of("memberIds", ids, "next", ids.size() < size ? -1 : ids.get(ids.size() - 1)));
            }
            JsonNode body = json.readTree(request.getBodyAsString());
            List<Map<String, Object>> out = new ArrayList<>();
            for (JsonNode id : body.path("ids")) {
                Member m = members.get(id.asLong());
                if (m == null) {
                    continue;
                }
                Map<String, Object> row = new LinkedHashMap<>();
                if (path.equals("/internal/members/mp-openids")) {
                    if (!mpFollowers.contains(m.id())) {
                        continue;
                    }
                    row.put("memberId", m.id());
                    row.put("openId", "mp-" + m.id());
                } else if (path.equals("/internal/members/contacts")) {
                    row.put("id", m.id());
                    row.put("nickname", m.nickname());
                    row.put("phone", m.phone());
                    row.put("storeId", null);
                } else if (m.openId() != null) {
                    row.put("memberId", m.id());
                    row.put("openId", m.openId());
                } else {
                    continue;
                }
                out.add(row);
            }
            return ok(out);
        } catch (Exception e) {
            return problem(400, "VALIDATION_FAILED", e.toString());
        }
    }

    private ResponseDefinition ok(Object body) throws Exception {
        return com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(json.writeValueAsString(body)).build();
    }

    private static ResponseDefinition problem(int status, String code, String detail) {
        return com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":" + status + ",\"code\":\"" + code + "\",\"detail\":\"" + detail.replace("\"", "'") + "\"}").build();
    }
}

package com.siyu.guide;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.siyu.common.inbox.Inbox;
import com.siyu.common.inbox.ReceivedEvent;
import com.siyu.common.test.Http;
import com.siyu.common.test.ServiceIT;
import com.siyu.guide.tasks.domain.Tasks;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** Tasks (小任务) from real events through common's inbox, against MariaDB: generated once, completed, escalated, handed over. */
@ServiceIT
class GuideTaskIT extends GuideServiceTestBase {

    @Autowired
    Inbox inbox;
    @Autowired
    Tasks tasks;

    long tenant;
    HttpHeaders admin;
    long guide;

    @BeforeEach
    void tenantWithAGuide() {
        tenant = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
        admin = Http.staff(tenant, 1, "TENANT_ADMIN");
        memberService.resetAll();
        memberService.stubFor(get(urlEqualTo("/internal/stores/1")).willReturn(okJson("{\"id\":1,\"code\":\"A\",\"name\":\"Store A\"}")));
        memberService.stubFor(get(urlPathMatching("/internal/members/\\d+")).atPriority(9).willReturn(okJson("{\"id\":1}")));
        memberService.stubFor(get(urlPathMatching("/internal/members/9\\d{5}")).atPriority(8).willReturn(MemberServiceStub.notThisTenants()));
        memberService.stubFor(get(urlEqualTo("/internal/tenants/current"))
                .willReturn(okJson("{\"id\":1,\"code\":\"mall\",\"timeZone\":\"Asia/Shanghai\"}")));
        MemberServiceStub.staffAndCounters(memberService);
        MemberServiceStub.couponTemplates(memberService);
        guide = enrol(61, "13900000061");
    }

    @Test
    void aNewBindingGivesOneWelcomeTaskTheGuideCompletesForPointsAndABigSpendAFollowUp() {
        assign(701, guide);
        // the GuideBound guide-service published, delivered back twice (at-least-once): one task
        JsonNode bound = events(tenant, "GuideBound").get(0);
        assertThat(deliverBound(bound)).isEqualTo(Inbox.Outcome.APPLIED);
        assertThat(deliverBound(bound)).isEqualTo(Inbox.Outcome.APPLIED);
        JsonNode mine = mine(61);
        assertThat(mine.path("tasks")).hasSize(1);
        JsonNode welcome = mine.path("tasks").get(0);
        assertThat(welcome.path("rule").asText()).isEqualTo("WELCOME");
        assertThat(welcome.path("memberId").asLong()).isEqualTo(701);
        assertThat(Duration.between(Instant.parse(bound.path("at").asText()), Instant.parse(welcome.path("dueAt").asText())))
                .isBetween(Duration.ofHours(24).minusSeconds(1), Duration.ofHours(24));

        // another guide cannot see or complete it; the guide completes it with evidence, once
        enrol(62, "13900000062");
        long id = welcome.path("id").asLong();
        assertThat(complete(62, id, "done").getStatusCode().value()).isEqualTo(404);
        ResponseEntity<String> done = complete(61, id, "called, added on WeCom");
        assertThat(done.getStatusCode().value()).as(done.getBody()).isEqualTo(200);
        assertThat(read(done).path("status").asText()).isEqualTo("DONE");
        assertThat(complete(61, id, "again").getStatusCode().value()).isEqualTo(200);
        assertThat(mine(61).path("points").asLong()).isEqualTo(10);
        assertThat(events(tenant, "TaskCompleted")).hasSize(1);
        assertThat(events(tenant, "TaskCompleted").get(0).path("by").asText()).isEqualTo("GUIDE");
        // the guide's view of the shopper shows the task
        JsonNode overview = read(http.exchange("/admin/v1/guide/members/701/overview", HttpMethod.GET,
                new HttpEntity<>(Http.staff(tenant, 61, "GUIDE")), String.class));
        assertThat(overview.path("tasks").findValuesAsText("status")).containsExactly("DONE");
        assertThat(overview.path("tasks").get(0).path("rule").asText()).isEqualTo("WELCOME");

        // a big spend: off until the tenant sets a threshold; then once per payment, redelivered or not
        deliverPaid("PAY-A-" + tenant, 701, 50_000);
        assertThat(count("BIG_SPEND")).isZero();
        assertThat(http.exchange("/admin/v1/guide/task-policy", HttpMethod.PUT, new HttpEntity<>(Map.of("welcomeEnabled", true, "welcomeHours", 24,
                "bigSpendFen", 30_000, "bigSpendHours", 48, "rewardPoints", 5), Http.write(admin)), String.class).getStatusCode().value()).isEqualTo(200);
        String paymentNo = "PAY-B-" + tenant;
        deliverPaid(paymentNo, 701, 29_999);
        assertThat(count("BIG_SPEND")).isZero();
        Map<String, Object> big = paid(paymentNo + "x", 701, 30_000);
        String messageId = UUID.randomUUID().toString();
        assertThat(deliver(messageId, "payment-service.PaymentSucceeded", big)).isEqualTo(Inbox.Outcome.APPLIED);
        assertThat(deliver(messageId, "payment-service.PaymentSucceeded", big)).isEqualTo(Inbox.Outcome.DUPLICATE);
        assertThat(deliver(UUID.randomUUID().toString(), "payment-service.PaymentSucceeded", big)).isEqualTo(Inbox.Outcome.APPLIED);
        assertThat(count("BIG_SPEND")).isEqualTo(1);

        // leaderboard: tasks done in the period equal the ledger
        JsonNode board = read(http.exchange("/admin/v1/guide/leaderboard?period=DAY", HttpMethod.GET, new HttpEntity<>(admin), String.class));
        assertThat(board.toString()).contains("\"tasksDone\":1");
    }

    @Test
    void aManagersPaymentTaskCompletesWhenTheMemberPaysAndAnOverdueOneIsEscalatedOnce() {
        long other = enrol(63, "13900000063");
        ResponseEntity<String> created = http.exchange("/admin/v1/guide/tasks", HttpMethod.POST, new HttpEntity<>(Map.of("storeId", 1,
                "memberId", 702, "title", "邀请回店", "completesOn", "PAYMENT", "rewardPoints", 20, "couponTemplateId", 77,
                "dueAt", Instant.now().plus(Duration.ofDays(3)).toString()), Http.write(Http.staffAt(tenant, 2, 1, "MANAGER"))), String.class);
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        assertThat(read(created)).hasSize(2);
        // a guide cannot mark a payment task done; the member's payment does, for both guides, once
        long first = read(created).get(0).path("id").asLong();
        assertThat(complete(61, first, "x").getStatusCode().value()).isEqualTo(409);
        deliverPaid("PAY-C-" + tenant, 702, 100);
        deliverPaid("PAY-D-" + tenant, 702, 100);
        assertThat(jdbc.queryForList("select done_by from guide_task where tenant_id = ? and rule = 'MANUAL'", String.class, tenant))
                .containsExactly("AUTO", "AUTO");
        assertThat(jdbc.queryForObject("select coalesce(sum(points), 0) from guide_points where tenant_id = ?", Long.class, tenant)).isEqualTo(40);
        assertThat(events(tenant, "TaskCompleted")).hasSize(2);

        // bad input changes nothing: a past due time, a member of another tenant, a store of another manager
        long before = jdbc.queryForObject("select count(*) from guide_task where tenant_id = ?", Long.class, tenant);
        assertThat(http.exchange("/admin/v1/guide/tasks", HttpMethod.POST, new HttpEntity<>(Map.of("guideIds", List.of(guide), "title", "x",
                "completesOn", "GUIDE", "dueAt", Instant.now().minusSeconds(60).toString()), Http.write(admin)), String.class).getStatusCode().value())
                .isEqualTo(400);
        ResponseEntity<String> foreignMember = http.exchange("/admin/v1/guide/tasks", HttpMethod.POST, new HttpEntity<>(Map.of("guideIds",
                List.of(guide), "title", "x", "memberId", 900_001, "completesOn", "GUIDE", "dueAt", Instant.now().plusSeconds(600).toString()),
                Http.write(admin)), String.class);
        assertThat(foreignMember.getStatusCode().value()).as(foreignMember.getBody()).isEqualTo(404);
        assertThat(http.exchange("/admin/v1/guide/tasks", HttpMethod.POST, new HttpEntity<>(Map.of("storeId", 1, "title", "x", "completesOn", "GUIDE",
                "dueAt", Instant.now().plusSeconds(600).toString()), Http.write(Http.staffAt(tenant, 3, 2, "MANAGER"))), String.class)
                .getStatusCode().value()).isEqualTo(422);
        assertThat(jdbc.queryForObject("select count(*) from guide_task where tenant_id = ?", Long.class, tenant)).isEqualTo(before);

        // a task for one guide, due in the past by now: escalated once, listed for the store's manager as overdue
        http.exchange("/admin/v1/guide/tasks", HttpMethod.POST, new HttpEntity<>(Map.of("guideIds", List.of(other), "title", "陈列拍照",
                "completesOn", "GUIDE", "dueAt", Instant.now().plusSeconds(5).toString()), Http.write(admin)), String.class);
        Instant later = Instant.now().plus(Duration.ofMinutes(1));
        tasks.escalate(later);
        tasks.escalate(later.plusSeconds(60));
        assertThat(events(tenant, "TaskOverdue")).hasSize(1);
        assertThat(events(tenant, "TaskOverdue").get(0).path("guideId").asLong()).isEqualTo(other);
        jdbc.update("update guide_task set due_at = ? where tenant_id = ? and escalated_at is not null", java.sql.Timestamp.from(Instant.now().minusSeconds(1)),
                tenant);
        JsonNode overdue = read(http.exchange("/admin/v1/guide/tasks?overdue=true", HttpMethod.GET,
                new HttpEntity<>(Http.staffAt(tenant, 2, 1, "MANAGER")), String.class));
        assertThat(overdue).hasSize(1);
        assertThat(overdue.get(0).path("overdue").asBoolean()).isTrue();
        assertThat(read(http.exchange("/admin/v1/guide/tasks?overdue=true", HttpMethod.GET, new HttpEntity<>(Http.staffAt(tenant, 3, 2, "MANAGER")),
                String.class))).isEmpty();
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        JsonNode completion = read(http.exchange("/admin/v1/guide/tasks/completion?from=" + java.time.LocalDate.parse(today).minusDays(1) + "&to="
                + java.time.LocalDate.parse(today).plusDays(4), HttpMethod.GET, new HttpEntity<>(admin), String.class));
        assertThat(completion.path("guides").findValuesAsText("done").stream().mapToLong(Long::parseLong).sum()).isEqualTo(2);
        assertThat(completion.path("guides").findValuesAsText("overdue").stream().mapToLong(Long::parseLong).sum()).isEqualTo(1);
    }

    @Test
    void aBoundMemberNotSeenForThirtyDaysGetsOneWinBackTaskThatTheirNextPaymentCompletes() {
        assign(704, guide);
        assign(705, guide);
        Instant lastSeen = Instant.parse("2026-10-01T08:00:00Z");
        memberService.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/internal/members/dormant"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.ids[?(@ == 704)]"))
                .willReturn(okJson("[{\"id\":704,\"lastSeenAt\":\"" + lastSeen + "\"}]")));
        Instant now = Instant.now();
        tasks.dormant(now);
        tasks.dormant(now.plusSeconds(3600));
        assertThat(count("DORMANT")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select member_id from guide_task where tenant_id = ? and rule = 'DORMANT'", Long.class, tenant)).isEqualTo(704L);
        assertThat(mine(61).path("tasks").findValuesAsText("rule")).contains("DORMANT");
        // member-service was asked with the tenant's dormancy cut-off (default 30 days)
        memberService.verify(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo("/internal/members/dormant"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.ids[?(@ == 705)]")));
        deliverPaid("PAY-E-" + tenant, 704, 100);
        assertThat(jdbc.queryForObject("select done_by from guide_task where tenant_id = ? and rule = 'DORMANT'", String.class, tenant)).isEqualTo("AUTO");
        // turned off: nothing more
        assertThat(http.exchange("/admin/v1/guide/task-policy", HttpMethod.PUT, new HttpEntity<>(Map.of("welcomeEnabled", true, "welcomeHours", 24,
                "bigSpendHours", 48, "rewardPoints", 5, "dormantDays", 0), Http.write(admin)), String.class).getStatusCode().value()).isEqualTo(200);
        memberService.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/internal/members/dormant")).atPriority(1)
                .willReturn(okJson("[{\"id\":705,\"lastSeenAt\":\"" + lastSeen + "\"}]")));
        tasks.dormant(now.plusSeconds(7200));
        assertThat(count("DORMANT")).isEqualTo(1);
    }

    @Test
    void aLeaversOpenTasksAboutTheirMembersGoWithTheMembersInTheHandover() throws Exception {
        long successor = enrol(64, "13900000064");
        assign(703, guide);
        deliverBound(events(tenant, "GuideBound").get(0));
        ResponseEntity<String> manual = http.exchange("/admin/v1/guide/tasks", HttpMethod.POST, new HttpEntity<>(Map.of("guideIds", List.of(guide),
                "title", "整理陈列", "completesOn", "GUIDE", "dueAt", Instant.now().plus(Duration.ofDays(1)).toString()), Http.write(admin)), String.class);
        assertThat(manual.getStatusCode().value()).as(manual.getBody()).isEqualTo(201);
        assertThat(count("WELCOME")).isEqualTo(1);
        assertThat(http.exchange("/admin/v1/guide/training", HttpMethod.PUT, new HttpEntity<>(Map.of("steps", List.of(Map.of("code", "intro",
                "title", "了解会员权益"))), Http.write(admin)), String.class).getStatusCode().value()).isEqualTo(200);
        long handover = read(http.exchange("/admin/v1/guide/guides/" + guide + "/handovers", HttpMethod.POST,
                new HttpEntity<>(Map.of("status", "LEFT", "toGuideIds", List.of(successor)), Http.write(admin)), String.class)).path("id").asLong();
        long deadline = System.currentTimeMillis() + 30_000;
        while (!read(http.exchange("/admin/v1/guide/handovers/" + handover, HttpMethod.GET, new HttpEntity<>(admin), String.class)).path("status")
                .asText().equals("DONE")) {
            assertThat(System.currentTimeMillis()).isLessThan(deadline);
            Thread.sleep(100);
        }
        assertThat(jdbc.queryForObject("select guide_id from guide_task where tenant_id = ? and rule = 'WELCOME' and member_id = 703", Long.class,
                tenant)).isEqualTo(successor);
        // the leaver's training ends; the successor's goes on
        assertThat(jdbc.queryForList("select status from guide_task where tenant_id = ? and rule = 'NEWBIE' order by guide_id = ?", String.class,
                tenant, guide)).containsExactly("OPEN", "CANCELLED");
        // the task about no member stays the leaver's; a handover binding brings no new welcome task
        assertThat(jdbc.queryForObject("select guide_id from guide_task where tenant_id = ? and rule = 'MANUAL'", Long.class, tenant)).isEqualTo(guide);
        events(tenant, "GuideBound").forEach(this::deliverBound);
        assertThat(count("WELCOME")).isEqualTo(1);
    }

    @Test
    void aBirthdayInTheComingDaysGivesOneTaskPerYearAndA29FebruaryBirthdayIsKeptOn28February() throws Exception {
        assign(706, guide);
        assign(707, guide);
        memberService.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/internal/members/birthdays"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.ids[?(@ == 706)]"))
                .willReturn(okJson("[{\"id\":706,\"birthday\":\"2000-02-29\"}]")));
        // 10:00 on 26 February 2027 in Shanghai (not a leap year): the coming three days are 27, 28 February and 1 March
        Instant now = Instant.parse("2027-02-26T02:00:00Z");
        // (the job runs over every tenant of the database: this tenant's rows are counted)
        tasks.birthdays(now);
        tasks.birthdays(now.plus(Duration.ofHours(6)));
        assertThat(count("BIRTHDAY")).isEqualTo(1);
        JsonNode asked = json.readTree(memberService.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                urlEqualTo("/internal/members/birthdays")).withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath(
                "$.ids[?(@ == 707)]"))).get(0).getBodyAsString());
        List<String> days = new java.util.ArrayList<>();
        asked.path("days").forEach(d -> days.add(d.asText()));
        assertThat(days).containsExactlyInAnyOrder("--02-27", "--02-28", "--02-29", "--03-01");
        Map<String, Object> task = jdbc.queryForMap("select member_id, guide_id, due_at, completes_on, source_key from guide_task where tenant_id = ?"
                + " and rule = 'BIRTHDAY'", tenant);
        assertThat(task.get("member_id")).isEqualTo(706L);
        assertThat(task.get("guide_id")).isEqualTo(guide);
        // due at the end of the birthday (28 February 2027, Shanghai), once for the year
        assertThat(dueAt("BIRTHDAY")).isEqualTo(Instant.parse("2027-02-28T16:00:00Z"));
        assertThat(task.get("source_key")).isEqualTo("m706:y2027");
        assertThat(task.get("completes_on")).isEqualTo("GUIDE");
        // off: nothing asked, nothing made
        assertThat(http.exchange("/admin/v1/guide/task-policy", HttpMethod.PUT, new HttpEntity<>(Map.of("welcomeEnabled", true, "welcomeHours", 24,
                "bigSpendHours", 48, "rewardPoints", 5, "birthdayDays", 0), Http.write(admin)), String.class).getStatusCode().value()).isEqualTo(200);
        tasks.birthdays(now.plus(Duration.ofDays(366)));
        assertThat(count("BIRTHDAY")).isEqualTo(1);
    }

    @Test
    void anExpiringCouponOfABoundMemberGivesTheirGuideOneReminderThatTheirPaymentCompletes() {
        assign(708, guide);
        Instant validTo = Instant.now().plus(Duration.ofDays(3));
        Map<String, Object> expiring = Map.of("couponId", 9001, "templateId", 77, "memberId", 708, "validTo", validTo.toString(), "daysLeft", 3);
        assertThat(deliver(UUID.randomUUID().toString(), "coupon-service.CouponExpiring", expiring)).isEqualTo(Inbox.Outcome.APPLIED);
        // coupon-service's outbox may publish it twice under new message ids: still one task
        assertThat(deliver(UUID.randomUUID().toString(), "coupon-service.CouponExpiring", expiring)).isEqualTo(Inbox.Outcome.APPLIED);
        Map<String, Object> task = jdbc.queryForMap("select guide_id, coupon_template_id, due_at, status from guide_task where tenant_id = ?"
                + " and rule = 'COUPON_EXPIRY'", tenant);
        assertThat(task.get("guide_id")).isEqualTo(guide);
        assertThat(task.get("coupon_template_id")).isEqualTo(77L);
        assertThat(dueAt("COUPON_EXPIRY")).isEqualTo(validTo.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        // an unbound member's coupon and a coupon that has already ended give nothing; a malformed event is refused
        deliver(UUID.randomUUID().toString(), "coupon-service.CouponExpiring", Map.of("couponId", 9002, "templateId", 77, "memberId", 799,
                "validTo", validTo.toString(), "daysLeft", 3));
        deliver(UUID.randomUUID().toString(), "coupon-service.CouponExpiring", Map.of("couponId", 9003, "templateId", 77, "memberId", 708,
                "validTo", Instant.now().minusSeconds(60).toString(), "daysLeft", 1));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> deliver(UUID.randomUUID().toString(), "coupon-service.CouponExpiring",
                Map.of("couponId", 9004, "memberId", 708))).isInstanceOf(com.siyu.common.inbox.MalformedEvent.class);
        assertThat(count("COUPON_EXPIRY")).isEqualTo(1);
        deliverPaid("PAY-F-" + tenant, 708, 100);
        assertThat(jdbc.queryForObject("select done_by from guide_task where tenant_id = ? and rule = 'COUPON_EXPIRY'", String.class, tenant))
                .isEqualTo("AUTO");
    }

    @Test
    void theTrainingPathIsDoneInOrderItsPointsRaiseTheLevelAndEarnBadgesOnceEvenUnderConcurrentCompletions() throws Exception {
        assertThat(http.exchange("/admin/v1/guide/levels", HttpMethod.PUT, new HttpEntity<>(Map.of("levels", List.of(Map.of("name", "新人", "minPoints", 0),
                Map.of("name", "铜牌", "minPoints", 15), Map.of("name", "银牌", "minPoints", 100))), Http.write(admin)), String.class).getStatusCode().value())
                .isEqualTo(200);
        ResponseEntity<String> badLevels = http.exchange("/admin/v1/guide/levels", HttpMethod.PUT, new HttpEntity<>(Map.of("levels",
                List.of(Map.of("name", "a", "minPoints", 5))), Http.write(admin)), String.class);
        assertThat(badLevels.getStatusCode().value()).isEqualTo(400);
        assertThat(http.exchange("/admin/v1/guide/badges", HttpMethod.PUT, new HttpEntity<>(Map.of("badges", List.of(
                Map.of("code", "trained", "name", "学成", "kind", "TRAINING_DONE"), Map.of("code", "p15", "name", "积分15", "kind", "POINTS",
                        "threshold", 15))), Http.write(admin)), String.class).getStatusCode().value()).isEqualTo(200);
        ResponseEntity<String> saved = http.exchange("/admin/v1/guide/training", HttpMethod.PUT, new HttpEntity<>(Map.of("steps", List.of(
                Map.of("code", "intro", "title", "了解会员权益", "rewardPoints", 10), Map.of("code", "wecom", "title", "添加第一位企业微信客户",
                        "rewardPoints", 10, "dueDays", 14))), Http.write(admin)), String.class);
        assertThat(saved.getStatusCode().value()).as(saved.getBody()).isEqualTo(200);
        assertThat(read(saved).path("enrolled").asInt()).isEqualTo(2);
        // a guide enrolled later gets the path at once; saving the path again gives no one a second copy
        long later = enrol(65, "13900000065");
        assertThat(jdbc.queryForObject("select count(*) from guide_task where tenant_id = ? and rule = 'NEWBIE' and guide_id = ?", Integer.class,
                tenant, later)).isEqualTo(2);
        assertThat(read(http.exchange("/admin/v1/guide/training", HttpMethod.PUT, new HttpEntity<>(json.readValue(saved.getBody(), Map.class),
                Http.write(admin)), String.class)).path("enrolled").asInt()).isZero();

        JsonNode progress = progress(61);
        long intro = progress.path("training").get(0).path("taskId").asLong();
        long wecom = progress.path("training").get(1).path("taskId").asLong();
        assertThat(progress.path("level").asInt()).isEqualTo(1);
        assertThat(progress.path("levelName").asText()).isEqualTo("新人");
        assertThat(progress.path("pointsToNextLevel").asLong()).isEqualTo(15);
        // the second step waits for the first
        ResponseEntity<String> locked = complete(61, wecom, "加了");
        assertThat(locked.getStatusCode().value()).isEqualTo(409);
        assertThat(read(locked).path("code").asText()).isEqualTo("TRAINING_STEP_LOCKED");
        // eight taps at once on the first step: done once, credited once
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Integer>> taps = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                taps.add(pool.submit(() -> complete(61, intro, "读完").getStatusCode().value()));
            }
            for (java.util.concurrent.Future<Integer> tap : taps) {
                assertThat(tap.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(progress(61).path("points").asLong()).isEqualTo(10);
        assertThat(progress(61).path("badges")).isEmpty();
        assertThat(complete(61, wecom, "加了").getStatusCode().value()).isEqualTo(200);
        progress = progress(61);
        assertThat(progress.path("points").asLong()).isEqualTo(20);
        assertThat(progress.path("level").asInt()).isEqualTo(2);
        assertThat(progress.path("levelName").asText()).isEqualTo("铜牌");
        assertThat(progress.path("pointsToNextLevel").asLong()).isEqualTo(80);
        assertThat(progress.path("badges").findValuesAsText("code")).containsExactlyInAnyOrder("trained", "p15");
        assertThat(progress.path("training").findValuesAsText("status")).containsExactly("DONE", "DONE");
        assertThat(events(tenant, "GuideBadgeAwarded")).hasSize(2);
        assertThat(events(tenant, "TaskCompleted").stream().filter(e -> e.path("rule").asText().equals("NEWBIE"))).hasSize(2);
        // the manager reads the same; the other guide's path is untouched
        JsonNode seen = read(http.exchange("/admin/v1/guide/guides/" + guide + "/progress", HttpMethod.GET, new HttpEntity<>(admin), String.class));
        assertThat(seen.path("points").asLong()).isEqualTo(20);
        assertThat(progress(65).path("training").findValuesAsText("status")).containsExactly("OPEN", "OPEN");
        assertThat(http.exchange("/admin/v1/guide/guides/" + guide + "/progress", HttpMethod.GET, new HttpEntity<>(Http.staff(tenant + 1, 1,
                "TENANT_ADMIN")), String.class).getStatusCode().value()).isEqualTo(404);

        // the path changes: a removed step's open tasks are cancelled, a new one is given, done steps stay done
        ResponseEntity<String> changed = http.exchange("/admin/v1/guide/training", HttpMethod.PUT, new HttpEntity<>(Map.of("steps", List.of(
                Map.of("code", "intro", "title", "了解会员权益"), Map.of("code", "display", "title", "陈列规范"))), Http.write(admin)), String.class);
        assertThat(read(changed).path("cancelled").asInt()).isEqualTo(1);
        assertThat(read(changed).path("enrolled").asInt()).isEqualTo(2);
        assertThat(progress(65).path("training").findValuesAsText("code")).containsExactly("intro", "display");
        assertThat(progress(61).path("training").findValuesAsText("status")).containsExactly("DONE", "OPEN");
        assertThat(jdbc.queryForObject("select status from guide_task where tenant_id = ? and guide_id = ? and step_code = 'wecom'", String.class,
                tenant, later)).isEqualTo("CANCELLED");
        // bad input changes nothing
        ResponseEntity<String> twice = http.exchange("/admin/v1/guide/training", HttpMethod.PUT, new HttpEntity<>(Map.of("steps", List.of(
                Map.of("code", "a", "title", "A"), Map.of("code", "a", "title", "B"))), Http.write(admin)), String.class);
        assertThat(twice.getStatusCode().value()).isEqualTo(400);
        assertThat(http.exchange("/admin/v1/guide/training", HttpMethod.PUT, new HttpEntity<>(Map.of("steps", List.of(Map.of("code", "Bad Code",
                "title", "A"))), Http.write(admin)), String.class).getStatusCode().value()).isEqualTo(400);
        assertThat(read(http.exchange("/admin/v1/guide/training", HttpMethod.GET, new HttpEntity<>(admin), String.class)).findValuesAsText("code"))
                .containsExactly("intro", "display");
    }

    @Test
    void aWeComMessageThroughTheGuideCompletesTheirWelcomeTaskAboutTheMemberOnce() {
        assign(702, guide);
        assertThat(deliverBound(events(tenant, "GuideBound").get(0))).isEqualTo(Inbox.Outcome.APPLIED);
        long welcome = mine(61).path("tasks").get(0).path("id").asLong();
        // a subscription message, or a WeCom message of another guide: not this guide's doing
        Map<String, Object> mini = Map.of("sendId", 1, "memberId", 702, "channel", "MINI_SUBSCRIBE", "msgId", "m1", "at", Instant.now().toString());
        assertThat(deliver(UUID.randomUUID().toString(), "touchpoint-service.MessageSent", mini)).isEqualTo(Inbox.Outcome.APPLIED);
        Map<String, Object> other = Map.of("sendId", 2, "memberId", 702, "channel", "WECOM", "guideId", guide + 1000, "msgId", "m2", "at",
                Instant.now().toString());
        assertThat(deliver(UUID.randomUUID().toString(), "touchpoint-service.MessageSent", other)).isEqualTo(Inbox.Outcome.APPLIED);
        assertThat(mine(61).path("tasks").get(0).path("status").asText()).isEqualTo("OPEN");
        // the campaign's WeCom message through this guide, delivered twice: done once, by WECOM, with the message as evidence
        Map<String, Object> wecom = Map.of("sendId", 3, "memberId", 702, "channel", "WECOM", "guideId", guide, "msgId", "msgW9", "at",
                Instant.now().plusSeconds(1).toString());
        assertThat(deliver(UUID.randomUUID().toString(), "touchpoint-service.MessageSent", wecom)).isEqualTo(Inbox.Outcome.APPLIED);
        assertThat(deliver(UUID.randomUUID().toString(), "touchpoint-service.MessageSent", wecom)).isEqualTo(Inbox.Outcome.APPLIED);
        JsonNode task = mine(61).path("tasks").get(0);
        assertThat(task.path("id").asLong()).isEqualTo(welcome);
        assertThat(task.path("status").asText()).isEqualTo("DONE");
        assertThat(jdbc.queryForObject("select concat(done_by, ' ', evidence) from guide_task where id = ?", String.class, welcome))
                .isEqualTo("WECOM WeCom message msgW9");
        assertThat(events(tenant, "TaskCompleted")).hasSize(1);
        assertThat(events(tenant, "TaskCompleted").get(0).path("by").asText()).isEqualTo("WECOM");
    }

    private Instant dueAt(String rule) {
        return jdbc.queryForObject("select due_at from guide_task where tenant_id = ? and rule = ?", java.sql.Timestamp.class, tenant, rule).toInstant();
    }

    private JsonNode progress(long staffId) {
        ResponseEntity<String> response = http.exchange("/admin/v1/guide/me/progress", HttpMethod.GET, new HttpEntity<>(Http.staff(tenant, staffId,
                "GUIDE")), String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return read(response);
    }

    private long enrol(long staffId, String phone) {
        ResponseEntity<String> enrolled = http.exchange("/admin/v1/guide/guides", HttpMethod.POST, new HttpEntity<>(Map.of("staffId", staffId,
                "storeId", 1, "name", "导购" + staffId, "phone", phone), Http.write(admin)), String.class);
        assertThat(enrolled.getStatusCode().value()).as(enrolled.getBody()).isEqualTo(201);
        return read(enrolled).path("id").asLong();
    }

    private void assign(long memberId, long guideId) {
        assertThat(http.exchange("/admin/v1/guide/members/" + memberId + "/guide", HttpMethod.PUT, new HttpEntity<>(Map.of("guideId", guideId),
                Http.write(admin)), String.class).getStatusCode().value()).isEqualTo(200);
    }

    private JsonNode mine(long staffId) {
        return read(http.exchange("/admin/v1/guide/me/tasks", HttpMethod.GET, new HttpEntity<>(Http.staff(tenant, staffId, "GUIDE")), String.class));
    }

    private ResponseEntity<String> complete(long staffId, long taskId, String evidence) {
        return http.exchange("/admin/v1/guide/tasks/" + taskId + "/completion", HttpMethod.POST, new HttpEntity<>(Map.of("evidence", evidence),
                Http.write(Http.staff(tenant, staffId, "GUIDE"))), String.class);
    }

    private int count(String rule) {
        return jdbc.queryForObject("select count(*) from guide_task where tenant_id = ? and rule = ?", Integer.class, tenant, rule);
    }

    private Inbox.Outcome deliverBound(JsonNode data) {
        return deliver(UUID.randomUUID().toString(), "guide-service.GuideBound", json.convertValue(data, Map.class));
    }

    private void deliverPaid(String paymentNo, long memberId, long fen) {
        assertThat(deliver(UUID.randomUUID().toString(), "payment-service.PaymentSucceeded", paid(paymentNo, memberId, fen)))
                .isEqualTo(Inbox.Outcome.APPLIED);
    }

    private static Map<String, Object> paid(String paymentNo, long memberId, long fen) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("orderNo", paymentNo + "-1");
        order.put("merchantId", 501);
        order.put("storeId", 1);
        order.put("grossFen", fen);
        order.put("discountFen", 0);
        return Map.of("paymentNo", paymentNo, "memberId", memberId, "paidAt", Instant.now().toString(), "orders", List.of(order));
    }

    private Inbox.Outcome deliver(String messageId, String key, Map<?, ?> data) {
        String type = key.substring(key.indexOf('.') + 1);
        Map<String, Object> envelope = Map.of("eventId", UUID.randomUUID().toString(), "type", type, "tenantId", tenant, "data", data);
        return inbox.process(new ReceivedEvent(messageId, tenant, key, json.valueToTree(envelope), 1));
    }
}

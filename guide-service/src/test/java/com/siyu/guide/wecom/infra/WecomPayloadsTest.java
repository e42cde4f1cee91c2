package com.siyu.guide.wecom.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyu.guide.wecom.domain.WecomApi;
import com.siyu.guide.wecom.domain.WecomContent;
import com.siyu.guide.wecom.domain.WecomOutcomeUnknown;
import com.siyu.guide.wecom.domain.WecomRejected;
import com.siyu.guide.wecom.domain.WecomUnavailable;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import me.chanjar.weixin.common.error.WxRuntimeException;
import org.junit.jupiter.api.Test;

class WecomPayloadsTest {

    final ObjectMapper json = new ObjectMapper();

    @Test
    void aGroupMessageIsChatTypeGroupFromTheSenderWithWecomsAttachmentShapes() throws IOException {
        WecomContent content = new WecomContent("周末见", List.of(new WecomContent.Link("标题", "https://a.example/x", "描述", "https://a.example/c.png"),
                new WecomContent.MiniProgram("卡片", "wx1234567890", "pages/a", "MEDIA")));
        assertThat(json.readTree(WecomPayloads.groupMsgTemplate("zhangsan", content))).isEqualTo(json.readTree("""
                {"chat_type":"group","sender":"zhangsan","text":{"content":"周末见"},"attachments":[
                 {"msgtype":"link","link":{"title":"标题","picurl":"https://a.example/c.png","desc":"描述","url":"https://a.example/x"}},
                 {"msgtype":"miniprogram","miniprogram":{"title":"卡片","pic_media_id":"MEDIA","appid":"wx1234567890","page":"pages/a"}}]}"""));
        assertThat(json.readTree(WecomPayloads.groupMsgTemplate("lisi", new WecomContent("纯文本", List.of()))))
                .isEqualTo(json.readTree("{\"chat_type\":\"group\",\"sender\":\"lisi\",\"text\":{\"content\":\"纯文本\"}}"));
    }

    @Test
    void aMomentIsVisibleToTheSenderList() throws IOException {
        WecomContent content = new WecomContent("新品", List.of(new WecomContent.Link("看看", "https://a.example", null, null)));
        assertThat(json.readTree(WecomPayloads.momentTask(List.of("a", "b"), content))).isEqualTo(json.readTree("""
                {"text":{"content":"新品"},"attachments":[{"msgtype":"link","link":{"title":"看看","url":"https://a.example"}}],
                 "visible_range":{"sender_list":{"user_list":["a","b"]}}}"""));
    }

    @Test
    void answersAreReadWithTheirCursorsAndWhatIsMissing() {
        WecomPayloads.Page<WecomApi.GroupMsgTask> tasks = WecomPayloads.groupMsgTasks(
                "{\"errcode\":0,\"next_cursor\":\"c2\",\"task_list\":[{\"userid\":\"zhangsan\",\"status\":2,\"send_time\":1700000000},{\"userid\":\"lisi\",\"status\":0}]}");
        assertThat(tasks.items()).containsExactly(new WecomApi.GroupMsgTask("zhangsan", 2, Instant.ofEpochSecond(1_700_000_000L)),
                new WecomApi.GroupMsgTask("lisi", 0, null));
        assertThat(tasks.nextCursor()).isEqualTo("c2");
        assertThat(WecomPayloads.groupMsgSends("{\"errcode\":0,\"next_cursor\":\"\",\"send_list\":[{\"chat_id\":\"wr1\",\"status\":1}]}").nextCursor()).isNull();
        WecomApi.MomentJob done = WecomPayloads.momentJob("{\"errcode\":0,\"status\":3,\"result\":{\"errcode\":0,\"moment_id\":\"mom1\","
                + "\"invalid_sender_list\":{\"user_list\":[\"gone\"]}}}");
        assertThat(done).isEqualTo(new WecomApi.MomentJob(3, 0, null, "mom1", List.of("gone")));
        assertThat(done.done()).isTrue();
        assertThat(WecomPayloads.momentJob("{\"errcode\":0,\"status\":2}")).isEqualTo(new WecomApi.MomentJob(2, null, null, null, List.of()));
        assertThat(WecomPayloads.merge(WecomPayloads.momentTasks("{\"task_list\":[{\"userid\":\"a\",\"publish_status\":1},{\"userid\":\"b\",\"publish_status\":0}]}")
                .items())).isEqualTo(Map.of("a", 1, "b", 0));
        // an answer to a creation that cannot be read: WeCom may have made the task
        assertThatThrownBy(() -> WecomPayloads.groupMsgCreated("{\"errcode\":0}")).isInstanceOf(WecomOutcomeUnknown.class);
        assertThatThrownBy(() -> WecomPayloads.jobId("<html>")).isInstanceOf(WecomOutcomeUnknown.class);
        assertThat(WecomPayloads.groupMsgCreated("{\"errcode\":0,\"msgid\":\"m1\",\"fail_list\":[\"wr9\"]}"))
                .isEqualTo(new WecomApi.GroupMsgCreated("m1", List.of("wr9")));
    }

    @Test
    void onlyAFailureToConnectProvesNothingWasSent() {
        assertThat(WecomFailure.ofCreate(new WxRuntimeException(new ConnectException("refused")))).isExactlyInstanceOf(WecomUnavailable.class);
        assertThat(WecomFailure.ofCreate(new WxRuntimeException(new SocketTimeoutException("Read timed out")))).isInstanceOf(WecomOutcomeUnknown.class);
        assertThat(WecomFailure.ofCreate(new WxRuntimeException(new IOException("reset")))).isInstanceOf(WecomOutcomeUnknown.class);
        // WxJava giving up on -1 (busy) throws without a cause
        RuntimeException busy = WecomFailure.ofCreate(new WxRuntimeException("微信服务端异常，超出重试次数"));
        assertThat(busy).isInstanceOf(WecomRejected.class);
        assertThat(((WecomRejected) busy).errcode()).isEqualTo(-1);
    }
}

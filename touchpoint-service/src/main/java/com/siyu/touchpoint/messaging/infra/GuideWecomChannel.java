package com.siyu.touchpoint.messaging.infra;

import com.siyu.touchpoint.client.GuideClient;
import com.siyu.touchpoint.messaging.domain.WecomChannel;
import org.springframework.stereotype.Component;

@Component
class GuideWecomChannel implements WecomChannel {

    private final GuideClient guides;

    GuideWecomChannel(GuideClient guides) {
        this.guides = guides;
    }

    @Override
    public Result send(long memberId, String text, String key) {
        GuideClient.Result result = guides.send(new GuideClient.Message(memberId, text, key));
        return new Result(Outcome.valueOf(result.outcome()), result.msgId(), result.guideId(), result.errcode());
    }
}

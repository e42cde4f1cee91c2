package com.siyu.gateway.problem;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * Requests Reactor Netty refuses while decoding them (a URI longer than 4 KiB: 414, headers over 8 KiB:
 * 431, an unparseable request line: 400) are answered by Netty itself with an empty body. This puts a
 * problem+json body on those answers, as on every other refusal.
 */
@Component
class DecoderFailureProblems implements NettyServerCustomizer {

    private static final Map<Integer, String[]> PROBLEMS = Map.of(
            400, new String[] {"BAD_REQUEST", "The request line or its headers cannot be read"},
            413, new String[] {"PAYLOAD_TOO_LARGE", "The request is too large"},
            414, new String[] {"URI_TOO_LONG", "The request URI is longer than the gateway accepts (4 KiB)"},
            431, new String[] {"HEADERS_TOO_LARGE", "The request headers are larger than the gateway accepts (8 KiB)"});

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remote) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, "siyu.decoderFailureProblems", new Rewriter());
            }
        });
    }

    static final class Rewriter extends ChannelOutboundHandlerAdapter {
        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
            if (msg instanceof FullHttpResponse response && response.content().readableBytes() == 0
                    && PROBLEMS.containsKey(response.status().code())) {
                String[] problem = PROBLEMS.get(response.status().code());
                int status = response.status().code();
                byte[] body = ("{\"type\":\"urn:siyu:problem:" + problem[0].toLowerCase().replace('_', '-') + "\",\"title\":\""
                        + response.status().reasonPhrase() + "\",\"status\":" + status + ",\"detail\":\"" + problem[1]
                        + "\",\"code\":\"" + problem[0] + "\"}").getBytes(StandardCharsets.UTF_8);
                FullHttpResponse rewritten = new DefaultFullHttpResponse(response.protocolVersion(), response.status(),
                        Unpooled.wrappedBuffer(body));
                rewritten.headers().set(response.headers());
                rewritten.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json");
                rewritten.headers().set(HttpHeaderNames.CONTENT_LENGTH, body.length);
                response.release();
                super.write(ctx, rewritten, promise);
                return;
            }
            super.write(ctx, msg, promise);
        }
    }
}

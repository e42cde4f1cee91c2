#!/usr/bin/env bash
# shellcheck shell=bash
#
# deploy/lib/sandbox.sh — the WeChat sandbox for local runs: WireMock (standalone jar from Maven
# Central) serving deploy/wechat-sandbox on 127.0.0.1:$SIYU_WECHAT_SANDBOX_PORT. Source after servers.sh.

SIYU_WECHAT_SANDBOX_PORT="${SIYU_WECHAT_SANDBOX_PORT:-8899}"
SIYU_WIREMOCK_VERSION="${SIYU_WIREMOCK_VERSION:-3.13.2}"

_siyu_sandbox_ready() {
    [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$SIYU_WECHAT_SANDBOX_PORT/__admin/health" 2>/dev/null || true)" == "200" ]]
}

siyu_start_wechat_sandbox() {
    local run jar
    run="$(_siyu_run_dir)"
    jar="$run/lib/wiremock-standalone-$SIYU_WIREMOCK_VERSION.jar"
    if _siyu_sandbox_ready; then
        _siyu_log "wechat-sandbox: already answering on $SIYU_WECHAT_SANDBOX_PORT"
        return 0
    fi
    mkdir -p "$run/lib" "$run/logs"
    if [[ ! -f "$jar" ]]; then
        (cd "$run" && ${SIYU_MVN:-mvn} -B -q ${SIYU_MVN_ARGS:-} dependency:copy \
            -Dartifact="org.wiremock:wiremock-standalone:$SIYU_WIREMOCK_VERSION" -DoutputDirectory="$run/lib") \
            || { _siyu_log "wechat-sandbox: cannot fetch wiremock-standalone $SIYU_WIREMOCK_VERSION"; return 1; }
    fi
    nohup "$(_siyu_java)" -Xmx96m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dsiyu.app=wechat-sandbox -jar "$jar" \
        --port "$SIYU_WECHAT_SANDBOX_PORT" --bind-address 127.0.0.1 --root-dir "$SIYU_SERVERS_REPO_ROOT/deploy/wechat-sandbox" \
        --disable-banner --no-request-journal >"$run/logs/wechat-sandbox.log" 2>&1 &
    echo $! >"$run/wechat-sandbox.pid"
    _siyu_log "wechat-sandbox: started pid $! on port $SIYU_WECHAT_SANDBOX_PORT"
}

siyu_wait_wechat_sandbox() {
    local run; run="$(_siyu_run_dir)"
    _siyu_wait wechat-sandbox "${1:-60}" _siyu_sandbox_ready "$run/wechat-sandbox.pid" "$run/logs/wechat-sandbox.log"
}

siyu_stop_wechat_sandbox() {
    local run; run="$(_siyu_run_dir)"
    _siyu_stop wechat-sandbox "$run/wechat-sandbox.pid" "-Dsiyu.app=wechat-sandbox" "" 10
}

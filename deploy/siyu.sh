#!/usr/bin/env bash
# Siyu suite control. Two commands do everything on a fresh Debian 12 machine:
#
#   deploy/siyu.sh up     install what is missing, build, start MariaDB, Redis, RabbitMQ, Nacos, Seata TC
#                         and the seven JVMs, seed the demo tenant, print the gateway URL and a curl to try
#   deploy/siyu.sh test   run every test: unit, integration (real MariaDB) and end-to-end through the
#                         gateway (the e2e module starts the suite itself, or uses a running one)
#
#   deploy/siyu.sh down   stop everything `up` (or `test`) started, by pid; servers found running are left alone
#   deploy/siyu.sh status what is running
#
# Environment: SIYU_RUN_DIR (default <repo>/.run), SIYU_DB_HOST/PORT/USER/PASSWORD, SIYU_SKIP_BUILD=1,
# SIYU_APP_JAVA_OPTS, NACOS_PORT, SEATA_PORT (see deploy/lib/*.sh).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export SIYU_RUN_DIR="${SIYU_RUN_DIR:-$ROOT/.run}"
# shellcheck source=lib/servers.sh
source "$ROOT/deploy/lib/servers.sh"
# shellcheck source=lib/infra.sh
source "$ROOT/deploy/lib/infra.sh"
# shellcheck source=lib/services.sh
source "$ROOT/deploy/lib/services.sh"
# shellcheck source=lib/sandbox.sh
source "$ROOT/deploy/lib/sandbox.sh"

GATEWAY_URL="http://127.0.0.1:8080"

log() { printf '[siyu] %s\n' "$*" >&2; }

publish_shared_config() {
    local rendered="$SIYU_RUN_DIR/siyu-shared.yaml"
    sed "s/@SEATA_PORT@/${SEATA_PORT:-8091}/g" "$ROOT/deploy/config/siyu-shared.yaml" >"$rendered"
    siyu_nacos_publish_config siyu-shared.yaml SIYU "$rendered" >/dev/null
}

seed_demo_tenant() {
    local code token
    token="$(siyu_platform_token)"
    [[ -n "$token" ]] || { log "member-service gave no platform-operator token (see $SIYU_RUN_DIR/logs/member-service.log)"; return 1; }
    code="$(curl -s -o "$SIYU_RUN_DIR/seed.json" -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
        -H "Authorization: Bearer $token" \
        --data @"$ROOT/deploy/config/demo-tenant.json" http://127.0.0.1:8081/internal/platform/tenants)"
    case "$code" in
        201) log "demo tenant 'demo-mall' created" ;;
        409) log "demo tenant 'demo-mall' already exists"
             # keep its mini-program credentials as the demo file says (a tenant onboarded before they existed)
             curl -s -o /dev/null -X PUT -H 'Content-Type: application/json' -H "Authorization: Bearer $token" \
                 --data '{"appId":"wxdemo0000000001","secret":"demo-miniapp-secret"}' \
                 http://127.0.0.1:8081/internal/platform/tenants/demo-mall/miniapp ;;
        *) log "seeding the demo tenant failed with HTTP $code: $(cat "$SIYU_RUN_DIR/seed.json")"; return 1 ;;
    esac
}

# The gateway routes once discovery has the services and it can fetch the signing keys: prove it by
# signing in as the demo admin through the gateway.
wait_gateway_routes() {
    local deadline=$(( $(date +%s) + ${1:-90} )) code
    local body='{"tenantCode":"demo-mall","username":"admin","password":"demo-admin-2026"}'
    while true; do
        code="$(curl -s -o "$SIYU_RUN_DIR/signin.json" -w '%{http_code}' --max-time 5 -X POST -H 'Content-Type: application/json' \
            --data "$body" "$GATEWAY_URL/api/v1/member/staff-sessions" || true)"
        [[ "$code" == "201" ]] && return 0
        if (( $(date +%s) >= deadline )); then
            log "the gateway does not route to member-service yet (last HTTP $code: $(cat "$SIYU_RUN_DIR/signin.json" 2>/dev/null))"
            return 1
        fi
        sleep 0.5
    done
}

# A failed `up` leaves nothing of the suite half-running (servers it found running stay untouched).
on_up_failure() {
    log "start-up failed; stopping what this run started (logs stay in $SIYU_RUN_DIR/logs)"
    trap - ERR
    siyu_stop_apps || true
    siyu_stop_wechat_sandbox || true
    siyu_stop_seata || true
    siyu_stop_nacos || true
}

cmd_up() {
    local t0; t0="$(date +%s)"
    set -E  # the ERR trap also fires for failures inside the helper functions
    trap on_up_failure ERR
    mkdir -p "$SIYU_RUN_DIR/logs"
    siyu_ensure_tools
    siyu_ensure_secrets
    siyu_ensure_mariadb
    siyu_ensure_redis
    siyu_ensure_rabbitmq
    siyu_build_nacos
    siyu_build_seata
    # Nacos, Seata and the WeChat sandbox start while the suite builds.
    siyu_start_nacos
    siyu_start_seata
    siyu_start_wechat_sandbox
    siyu_build_apps
    siyu_wait_nacos 120
    siyu_wait_seata 90
    siyu_wait_wechat_sandbox 60
    publish_shared_config
    local app
    for app in "${SIYU_APPS[@]}"; do
        siyu_start_app "$(_siyu_app_name "$app")" "$(_siyu_app_port "$app")"
    done
    siyu_wait_apps "${SIYU_START_TIMEOUT:-300}"
    for app in "${SIYU_APPS[@]}"; do
        [[ "$(_siyu_app_name "$app")" == gateway ]] && continue
        siyu_nacos_wait_instances "$(_siyu_app_name "$app")" 1 60 >/dev/null
    done
    seed_demo_tenant
    wait_gateway_routes 120
    trap - ERR
    cat <<MSG

Siyu is up in $(( $(date +%s) - t0 )) s.  Gateway: $GATEWAY_URL   (logs: $SIYU_RUN_DIR/logs, stop: deploy/siyu.sh down)

Sign in as the demo tenant's admin and list its stores:

  TOKEN=\$(curl -s -X POST $GATEWAY_URL/api/v1/member/staff-sessions -H 'Content-Type: application/json' \\
      -d '{"tenantCode":"demo-mall","username":"admin","password":"demo-admin-2026"}' | sed -E 's/.*"accessToken":"([^"]+)".*/\\1/')
  curl -s $GATEWAY_URL/admin/v1/member/stores -H "Authorization: Bearer \$TOKEN"

OpenAPI of every service: $GATEWAY_URL/swagger-ui.html     Nacos: http://127.0.0.1:${NACOS_PORT:-8848}/nacos
Actuator (health, prometheus) of each JVM: its port + 1000 (gateway 9080, member-service 9081, ...).
Platform operations (onboarding): a platform token from member-service, with the secret in $SIYU_RUN_DIR/secrets.env:
  PLATFORM=\$(curl -s -u "platform-operator:\$SIYU_PLATFORM_OPERATOR_SECRET" -d grant_type=client_credentials -d scope=platform \\
      http://127.0.0.1:8081/internal/tokens | sed -E 's/.*"access_token":"([^"]+)".*/\\1/')
MSG
}

cmd_down() {
    siyu_stop_apps
    siyu_stop_seata &
    siyu_stop_nacos &
    siyu_stop_wechat_sandbox &
    wait
    if [[ "${1:-}" != "--keep-infra" ]]; then
        siyu_stop_infra
    fi
}

cmd_status() {
    local app name port
    for app in "${SIYU_APPS[@]}"; do
        name="$(_siyu_app_name "$app")"; port="$(_siyu_app_port "$app")"
        if _siyu_app_ready "$port"; then echo "$name  UP    :$port"; else echo "$name  DOWN  :$port"; fi
    done
    _siyu_nacos_healthy && echo "nacos  UP    :${NACOS_PORT:-8848}" || echo "nacos  DOWN  :${NACOS_PORT:-8848}"
    _siyu_seata_healthy && echo "seata  UP    :${SEATA_PORT:-8091}" || echo "seata  DOWN  :${SEATA_PORT:-8091}"
    _siyu_sandbox_ready && echo "wechat-sandbox UP :$SIYU_WECHAT_SANDBOX_PORT" || echo "wechat-sandbox DOWN :$SIYU_WECHAT_SANDBOX_PORT"
    _siyu_port_open "$SIYU_DB_PORT" && echo "mariadb UP   :$SIYU_DB_PORT" || echo "mariadb DOWN :$SIYU_DB_PORT"
    _siyu_port_open "$SIYU_REDIS_PORT" && echo "redis  UP    :$SIYU_REDIS_PORT" || echo "redis  DOWN  :$SIYU_REDIS_PORT"
    _siyu_port_open "$SIYU_RABBIT_PORT" && echo "rabbitmq UP  :$SIYU_RABBIT_PORT" || echo "rabbitmq DOWN :$SIYU_RABBIT_PORT"
}

# What tests and benchmarks need before Maven runs: tools, MariaDB, Redis, RabbitMQ, the Nacos and Seata jars,
# and a running Seata TC (integration tests of Seata branches use the real TC; the e2e suite reuses it).
_siyu_prepare_servers() {
    mkdir -p "$SIYU_RUN_DIR/logs"
    siyu_ensure_tools
    siyu_ensure_mariadb
    siyu_ensure_redis
    siyu_ensure_rabbitmq
    siyu_build_nacos
    siyu_build_seata
    siyu_start_seata
    siyu_wait_seata 90
}

cmd_test() {
    local t0 status=0; t0="$(date +%s)"
    _siyu_prepare_servers
    # Unit tests (surefire), integration tests against MariaDB (failsafe), then the e2e module, which
    # starts the suite from the jars just built (or uses one already running) and drives the gateway.
    (cd "$ROOT" && ${SIYU_MVN:-mvn} -B ${SIYU_MVN_ARGS:-} verify) || status=$?
    log "tests finished in $(( $(date +%s) - t0 )) s with status $status"
    return "$status"
}

# Benchmarks through the gateway (not part of test): builds the jars, then runs e2e's *BenchmarkIT against the
# suite (started from those jars, or the one already running); figures are printed. SIYU_BENCH_SECONDS sets
# each case's duration (default 8).
cmd_bench() {
    local status=0
    _siyu_prepare_servers
    # the load tool of the gateway benchmark (GatewayWrkBenchmarkIT)
    command -v wrk >/dev/null 2>&1 || siyu_apt_install wrk
    (cd "$ROOT" && ${SIYU_MVN:-mvn} -B ${SIYU_MVN_ARGS:-} install -DskipTests -DskipE2E=true \
        && ${SIYU_MVN:-mvn} -B ${SIYU_MVN_ARGS:-} verify -pl e2e -Dit.test='*BenchmarkIT' -Dsiyu.bench.seconds="${SIYU_BENCH_SECONDS:-8}") \
        || status=$?
    return "$status"
}

case "${1:-}" in
    up) cmd_up ;;
    bench) cmd_bench ;;
    down) shift; cmd_down "$@" ;;
    status) cmd_status ;;
    test) cmd_test ;;
    *) echo "usage: deploy/siyu.sh up|down|status|test|bench" >&2; exit 2 ;;
esac

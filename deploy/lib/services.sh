#!/usr/bin/env bash
# shellcheck shell=bash
#
# deploy/lib/services.sh — build and run the seven Siyu JVMs (six services and the gateway).
# Source after servers.sh. Pid files: $SIYU_RUN_DIR/<name>.pid, logs: $SIYU_RUN_DIR/logs/<name>.log.

# name:port, in start order (all start at once; the order only matters for the listing).
SIYU_APPS=(member-service:8081 points-service:8082 payment-service:8083 coupon-service:8084
           guide-service:8085 touchpoint-service:8086 gateway:8080)
# Small heaps and C1-only JIT: nine JVMs share two cores, and start-up is CPU-bound. Override for benchmarks.
SIYU_APP_JAVA_OPTS="${SIYU_APP_JAVA_OPTS:--Xms48m -Xmx256m -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=48m -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1}"

_siyu_app_name() { printf '%s\n' "${1%%:*}"; }
# actuator (health, prometheus) listens on the service port + 1000, never on the routed port
_siyu_mgmt_port() { printf '%s\n' "$(( $1 + 1000 ))"; }

# The token endpoint's client secrets (one per service, one for the platform operator), made once per
# run directory: $SIYU_RUN_DIR/secrets.env (mode 600), never in git. Kubernetes takes them from Secrets.
SIYU_CLIENT_SECRET_VARS=(SIYU_CLIENT_SECRET_POINTS SIYU_CLIENT_SECRET_PAYMENT SIYU_CLIENT_SECRET_COUPON
                         SIYU_CLIENT_SECRET_GUIDE SIYU_CLIENT_SECRET_TOUCHPOINT SIYU_PLATFORM_OPERATOR_SECRET)
# Also SIYU_DATA_KEY: member-service's master key for secrets at rest (32 random bytes, Base64), and
# SIYU_PAYMENT_DATA_KEY: payment-service's own (the WeChat Pay merchants' keys), handed to it as SIYU_DATA_KEY,
# SIYU_GUIDE_CODE_KEY: guide-service's key that signs guides' personal codes and share links, and
# SIYU_GUIDE_DATA_KEY: guide-service's master key for the tenants' WeCom secrets, handed to it as SIYU_DATA_KEY.
# SIYU_TOUCHPOINT_DATA_KEY: touchpoint-service's, for the tenants' SMS AccessKey secrets, handed to it as SIYU_DATA_KEY.
siyu_ensure_secrets() {
    local run file var
    run="$(_siyu_run_dir)"; file="$run/secrets.env"
    mkdir -p "$run"
    if [[ ! -s "$file" ]]; then
        ( umask 077
          for var in "${SIYU_CLIENT_SECRET_VARS[@]}"; do
              printf '%s=%s\n' "$var" "$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
          done >"$file"
          printf 'SIYU_DATA_KEY=%s\n' "$(head -c 32 /dev/urandom | base64 -w0)" >>"$file" )
    fi
    grep -q '^SIYU_DATA_KEY=' "$file" || printf 'SIYU_DATA_KEY=%s\n' "$(head -c 32 /dev/urandom | base64 -w0)" >>"$file"
    grep -q '^SIYU_PAYMENT_DATA_KEY=' "$file" \
        || printf 'SIYU_PAYMENT_DATA_KEY=%s\n' "$(head -c 32 /dev/urandom | base64 -w0)" >>"$file"
    grep -q '^SIYU_GUIDE_DATA_KEY=' "$file" \
        || printf 'SIYU_GUIDE_DATA_KEY=%s\n' "$(head -c 32 /dev/urandom | base64 -w0)" >>"$file"
    grep -q '^SIYU_TOUCHPOINT_DATA_KEY=' "$file" \
        || printf 'SIYU_TOUCHPOINT_DATA_KEY=%s\n' "$(head -c 32 /dev/urandom | base64 -w0)" >>"$file"
    grep -q '^SIYU_GUIDE_CODE_KEY=' "$file" \
        || printf 'SIYU_GUIDE_CODE_KEY=%s\n' "$(head -c 32 /dev/urandom | base64 -w0)" >>"$file"
    # not exported: each JVM is handed only its own secrets (siyu_start_app)
    # shellcheck disable=SC1090
    source "$file"
}

# The secrets one JVM gets in its environment, as NAME=value words for env(1).
_siyu_app_secrets() {
    local var
    case "$1" in
        member-service)
            for var in "${SIYU_CLIENT_SECRET_VARS[@]}" SIYU_DATA_KEY; do printf '%s=%s\n' "$var" "${!var:-}"; done ;;
        gateway) ;;
        payment-service)
            printf 'SIYU_SERVICE_SECRET=%s\n' "$(_siyu_service_secret "$1")"
            printf 'SIYU_DATA_KEY=%s\n' "${SIYU_PAYMENT_DATA_KEY:-}" ;;
        guide-service)
            printf 'SIYU_SERVICE_SECRET=%s\n' "$(_siyu_service_secret "$1")"
            printf 'SIYU_GUIDE_CODE_KEY=%s\n' "${SIYU_GUIDE_CODE_KEY:-}"
            printf 'SIYU_DATA_KEY=%s\n' "${SIYU_GUIDE_DATA_KEY:-}" ;;
        touchpoint-service)
            printf 'SIYU_SERVICE_SECRET=%s\n' "$(_siyu_service_secret "$1")"
            printf 'SIYU_DATA_KEY=%s\n' "${SIYU_TOUCHPOINT_DATA_KEY:-}" ;;
        *) printf 'SIYU_SERVICE_SECRET=%s\n' "$(_siyu_service_secret "$1")" ;;
    esac
}

# The secret a service presents at the token endpoint (empty for member-service, which signs its own).
_siyu_service_secret() {
    case "$1" in
        points-service) printf '%s' "${SIYU_CLIENT_SECRET_POINTS:-}" ;;
        payment-service) printf '%s' "${SIYU_CLIENT_SECRET_PAYMENT:-}" ;;
        coupon-service) printf '%s' "${SIYU_CLIENT_SECRET_COUPON:-}" ;;
        guide-service) printf '%s' "${SIYU_CLIENT_SECRET_GUIDE:-}" ;;
        touchpoint-service) printf '%s' "${SIYU_CLIENT_SECRET_TOUCHPOINT:-}" ;;
        *) printf '' ;;
    esac
}

# A platform-operator token from member-service's token endpoint (for onboarding the demo tenant).
siyu_platform_token() {
    curl -s --max-time 5 -u "platform-operator:${SIYU_PLATFORM_OPERATOR_SECRET:?run siyu_ensure_secrets first}" \
        -d grant_type=client_credentials -d scope=platform http://127.0.0.1:8081/internal/tokens \
        | sed -nE 's/.*"access_token":"([^"]+)".*/\1/p'
}
_siyu_app_port() { printf '%s\n' "${1##*:}"; }
_siyu_app_jar() { printf '%s/%s/target/%s.jar\n' "$SIYU_SERVERS_REPO_ROOT" "$1" "$1"; }

_siyu_app_ready() {
    local port="$1"
    [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$(_siyu_mgmt_port "$port")/actuator/health/readiness" 2>/dev/null || true)" == "200" ]]
}

# Builds the suite's jars unless they are newer than every source file and pom (SIYU_SKIP_BUILD=1 skips).
siyu_build_apps() {
    if [[ "${SIYU_SKIP_BUILD:-0}" == "1" ]]; then
        _siyu_log "build: skipped (SIYU_SKIP_BUILD=1)"
        return 0
    fi
    local oldest="" app jar
    for app in "${SIYU_APPS[@]}"; do
        jar="$(_siyu_app_jar "$(_siyu_app_name "$app")")"
        if [[ ! -f "$jar" ]]; then oldest=""; break; fi
        if [[ -z "$oldest" || "$jar" -ot "$oldest" ]]; then oldest="$jar"; fi
    done
    if [[ -n "$oldest" ]] && [[ -z "$(find "$SIYU_SERVERS_REPO_ROOT" -path "$SIYU_SERVERS_REPO_ROOT/deploy" -prune -o \
            -path '*/target' -prune -o -path "$SIYU_SERVERS_REPO_ROOT/.run" -prune -o \
            \( -name pom.xml -o -path '*/src/main/*' \) -type f -newer "$oldest" -print -quit)" ]]; then
        _siyu_log "build: jars are up to date"
        return 0
    fi
    _siyu_log "build: mvn package (tests are run by 'siyu.sh test')"
    (cd "$SIYU_SERVERS_REPO_ROOT" && ${SIYU_MVN:-mvn} -B -q ${SIYU_MVN_ARGS:-} -DskipTests -DskipE2E=true install) \
        || { _siyu_log "build failed"; return 1; }
}

siyu_start_app() {
    local name="$1" port="$2" run jar
    run="$(_siyu_run_dir)"
    jar="$(_siyu_app_jar "$name")"
    if _siyu_app_ready "$port"; then
        _siyu_log "$name: already answering on $port"
        return 0
    fi
    if _siyu_port_open "$port"; then
        _siyu_log "$name: port $port is taken by something that is not a ready $name"
        return 1
    fi
    [[ -f "$jar" ]] || { _siyu_log "$name: $jar is missing (build first)"; return 1; }
    mkdir -p "$run/logs" "$run/home" "$run/tmp" "$run/apps"
    # Run a copy: a build (mvn verify) rewrites target/*.jar, and a JVM whose jar changes under it
    # fails to load classes. The rename keeps any JVM still on the old copy on its old inode.
    cp "$jar" "$run/apps/$name.jar.tmp" && mv -f "$run/apps/$name.jar.tmp" "$run/apps/$name.jar"
    jar="$run/apps/$name.jar"
    # shellcheck disable=SC2086
    local -a secrets=()
    mapfile -t secrets < <(_siyu_app_secrets "$name")
    env "${secrets[@]}" SERVER_PORT="$port" MANAGEMENT_PORT="$(_siyu_mgmt_port "$port")" \
        SPRING_CLOUD_NACOS_DISCOVERY_IP=127.0.0.1 SPRING_CLOUD_NACOS_SERVER_ADDR="127.0.0.1:${NACOS_PORT:-8848}" \
        LOGGING_STRUCTURED_FORMAT_CONSOLE="${SIYU_LOG_FORMAT:-ecs}" \
        SIYU_WECHAT_API_HOST="${SIYU_WECHAT_API_HOST:-http://127.0.0.1:${SIYU_WECHAT_SANDBOX_PORT:-8899}}" \
        SIYU_WECOM_API_HOST="${SIYU_WECOM_API_HOST:-http://127.0.0.1:${SIYU_WECHAT_SANDBOX_PORT:-8899}}" \
        SIYU_PAYMENT_CHANNEL="${SIYU_PAYMENT_CHANNEL:-sandbox}" \
        SIYU_SMS_ENDPOINT="${SIYU_SMS_ENDPOINT:-http://127.0.0.1:${SIYU_WECHAT_SANDBOX_PORT:-8899}/aliyun-sms}" \
        SIYU_JPUSH_HOST="${SIYU_JPUSH_HOST:-http://127.0.0.1:${SIYU_WECHAT_SANDBOX_PORT:-8899}/jpush}" \
        nohup "$(_siyu_java)" $SIYU_APP_JAVA_OPTS -Duser.home="$run/home" -Djava.io.tmpdir="$run/tmp" \
        -DJM.LOG.PATH="$run/home/logs/nacos" -DJM.SNAPSHOT.PATH="$run/home/nacos" \
        -Dsiyu.app="$name" -jar "$jar" >"$run/logs/$name.log" 2>&1 &
    echo $! >"$run/$name.pid"
}

# Waits until every app answers readiness; fails fast when one dies. Prints the time each took.
siyu_wait_apps() {
    local timeout_s="${1:-240}" run start now app name port pid pending
    run="$(_siyu_run_dir)"
    start="$(date +%s)"
    local -A ready=()
    while true; do
        pending=0
        for app in "${SIYU_APPS[@]}"; do
            name="$(_siyu_app_name "$app")"; port="$(_siyu_app_port "$app")"
            [[ -n "${ready[$name]:-}" ]] && continue
            if _siyu_app_ready "$port"; then
                ready[$name]=1
                _siyu_log "$name: ready on $port after $(( $(date +%s) - start )) s"
                continue
            fi
            pid="$(_siyu_read_pid "$run/$name.pid")"
            if [[ -n "$pid" ]] && ! _siyu_pid_alive "$pid"; then
                _siyu_log "$name: died while starting"
                _siyu_tail_log "$run/logs/$name.log" 60
                return 1
            fi
            pending=$(( pending + 1 ))
        done
        (( pending == 0 )) && return 0
        now="$(date +%s)"
        if (( now - start >= timeout_s )); then
            for app in "${SIYU_APPS[@]}"; do
                name="$(_siyu_app_name "$app")"
                [[ -n "${ready[$name]:-}" ]] || { _siyu_log "$name: not ready after $timeout_s s"; _siyu_tail_log "$run/logs/$name.log" 40; }
            done
            return 1
        fi
        sleep 0.5
    done
}

siyu_stop_apps() {
    local run i app name
    run="$(_siyu_run_dir)"
    # gateway first, then the services, in parallel
    for (( i=${#SIYU_APPS[@]}-1; i>=0; i-- )); do
        app="${SIYU_APPS[$i]}"; name="$(_siyu_app_name "$app")"
        _siyu_stop "$name" "$run/$name.pid" "-Dsiyu.app=$name" "" 20 &
    done
    wait
}

#!/usr/bin/env bash
# shellcheck shell=bash
#
# deploy/lib/servers.sh — build, start, wait for, stop and talk to the local Nacos 3.1 and Seata 2.0 servers
# (for local runs and CI). Source it; do not execute it:
#
#     source deploy/lib/servers.sh
#     siyu_build_nacos && siyu_build_seata
#     siyu_start_nacos && siyu_start_seata          # both return at once (servers start in parallel)
#     siyu_wait_nacos 90 && siyu_wait_seata 60
#     siyu_nacos_publish_config siyu-order.yaml DEFAULT_GROUP config/siyu-order.yaml
#     siyu_nacos_instances siyu-order               # JSON of the registered instances
#     siyu_nacos_wait_instances siyu-order 2 60     # poll until >= 2 instances are listed
#     siyu_stop_seata; siyu_stop_nacos
#
# Safe under `set -euo pipefail`: every function returns 0 on success and 1 on failure (with a message on
# stderr) and never exits the caller's shell.
#
# Environment (read on every call, so it may change after sourcing):
#   SIYU_RUN_DIR          run directory (default <repo>/.run). Everything the servers write goes there:
#                           nacos.pid, seata.pid, logs/nacos.out, logs/seata.out (stdout/stderr of the JVMs),
#                           nacos/ (nacos.home: conf/, data/ with embedded Derby, logs/), seata/ (sessionStore/,
#                           logs/), home/ (user.home of both JVMs), tmp/ (java.io.tmpdir).
#   NACOS_HOST            host the API helpers talk to (default 127.0.0.1)
#   NACOS_PORT            Nacos HTTP port (default 8848; gRPC = +1000 and +1001, Raft = -1000)
#   NACOS_NAMESPACE       namespace id for the API helpers (default: empty = "public")
#   SEATA_PORT            Seata TC port (default 8091)
#   SEATA_CONSOLE_PORT    Seata console/HTTP port (default 7091)
#   SEATA_HOST            address the TC announces, also used in XIDs (default 127.0.0.1)
#   SIYU_NACOS_JAVA_OPTS  JVM options for Nacos  (default "-Xms64m -Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1")
#   SIYU_SEATA_JAVA_OPTS  JVM options for Seata  (default "-Xms64m -Xmx192m -XX:+UseSerialGC")
#   SIYU_NACOS_CDS        1 = use an AppCDS archive for Nacos (made on the first run, at its stop, in
#                           $SIYU_RUN_DIR/nacos/cds/; ~2 s faster start afterwards; default 0)
#   SIYU_STOP_TIMEOUT     seconds to wait after SIGTERM before SIGKILL (default 15)
#   SIYU_MVN              Maven command (default mvn); SIYU_MVN_ARGS extra Maven arguments (e.g. -o)
#   JAVA_HOME             if set, $JAVA_HOME/bin/java is used, else `java` from PATH
#
# Nacos 3.1 HTTP API (auth off), verified against the running server built here:
#   health:          GET  /nacos/v3/admin/core/state                         -> 200 {"code":0,...,"data":{...}}
#   publish config:  POST /nacos/v3/admin/cs/config   (form, url-encoded)
#                      dataId=<id>  groupName=<group>  content=<text>  type=yaml|properties|json|text|...
#                      [namespaceId=<ns>]                                      -> 200 {"code":0,"message":"success","data":true}
#   read config:     GET  /nacos/v3/admin/cs/config?dataId=<id>&groupName=<group>[&namespaceId=<ns>]
#                                                       -> 200 {"code":0,"data":{"content":"...","md5":..,"type":..}}
#                                                       -> 404 {"code":20004,...} when it does not exist
#   list instances:  GET  /nacos/v3/admin/ns/instance/list?serviceName=<svc>&groupName=<group>[&namespaceId=<ns>]
#                      [&healthyOnly=true]          -> 200 {"code":0,"data":[{"ip":..,"port":..,"healthy":..,
#                                                       "ephemeral":..,"serviceName":"DEFAULT_GROUP@@svc",...}]}
#                                                       -> 404 {"code":30000,...,"data":"service ... is not found!"}
#                      (ephemeral instances registered over gRPC by nacos-client show up here too)
#   list services:   GET  /nacos/v3/admin/ns/service/list?pageNo=1&pageSize=100[&groupName=..]
#   register (tests):POST /nacos/v3/admin/ns/instance  serviceName, groupName, ip, port, ephemeral=false
#   Not working out of the box: the 2.x open API (/nacos/v2/cs/config ...) answers 410 Gone unless
#   nacos.core.api.compatibility.admin.enabled=true. The 1.x client API (/nacos/v1/cs/configs,
#   /nacos/v1/ns/instance/list) still works (client compatibility is on by default) but is deprecated.

# Helpers that infra.sh / services.sh / siyu.sh also use (keep their signatures stable):
#   _siyu_log MSG · _siyu_run_dir · _siyu_java · _siyu_read_pid PIDFILE · _siyu_pid_alive PID ·
#   _siyu_port_open PORT · _siyu_tail_log FILE [N] · _siyu_nacos_healthy · _siyu_seata_healthy ·
#   _siyu_stop NAME PIDFILE CMDLINE_MARKER PORT_OR_EMPTY [TIMEOUT_S] · $SIYU_SERVERS_REPO_ROOT

# Where this file lives: <repo>/deploy/lib/servers.sh
SIYU_SERVERS_REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

# ---------------------------------------------------------------------------------------------------------
# internals
# ---------------------------------------------------------------------------------------------------------

_siyu_log() { printf '[servers] %s\n' "$*" >&2; }

_siyu_run_dir() { printf '%s\n' "${SIYU_RUN_DIR:-$SIYU_SERVERS_REPO_ROOT/.run}"; }

_siyu_java() {
    if [[ -n "${JAVA_HOME:-}" && -x "${JAVA_HOME}/bin/java" ]]; then
        printf '%s\n' "${JAVA_HOME}/bin/java"
    else
        printf '%s\n' java
    fi
}

_siyu_now_ms() { date +%s%3N; }

# _siyu_needs_build <artifact> <project dir>: 0 when the artifact is missing, its lib/ is missing, or the pom or
# any file under src/ is newer than it.
_siyu_needs_build() {
    local artifact="$1" project="$2"
    [[ -f "$artifact" ]] || return 0
    [[ -d "$(dirname "$artifact")/lib" ]] || return 0
    [[ "$project/pom.xml" -nt "$artifact" ]] && return 0
    if [[ -d "$project/src" ]] && [[ -n "$(find "$project/src" -type f -newer "$artifact" -print -quit 2>/dev/null)" ]]; then
        return 0
    fi
    return 1
}

# _siyu_build <name> <project dir> <artifact>
_siyu_build() {
    local name="$1" project="$2" artifact="$3"
    if ! _siyu_needs_build "$artifact" "$project"; then
        _siyu_log "$name: up to date ($artifact)"
        return 0
    fi
    _siyu_log "$name: building $project"
    local -a extra=()
    if [[ -n "${SIYU_MVN_ARGS:-}" ]]; then
        read -r -a extra <<<"$SIYU_MVN_ARGS"
    fi
    if ! "${SIYU_MVN:-mvn}" -B -q -f "$project/pom.xml" package -DskipTests ${extra[@]+"${extra[@]}"}; then
        _siyu_log "$name: build FAILED"
        return 1
    fi
    if [[ ! -f "$artifact" ]]; then
        _siyu_log "$name: build produced no $artifact"
        return 1
    fi
    # The jar plugin may leave an unchanged jar untouched; mark it fresh so the staleness check settles.
    touch "$artifact"
    return 0
}

# _siyu_pid_alive <pid>: process exists and is not a zombie
_siyu_pid_alive() {
    local pid="$1" state=""
    [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    kill -0 "$pid" 2>/dev/null || return 1
    if [[ -r "/proc/$pid/stat" ]]; then
        state="$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null || true)"
        [[ "$state" == "Z" ]] && return 1
    fi
    return 0
}

# _siyu_pid_is <pid> <marker>: the process's command line contains <marker> (guards against pid reuse)
_siyu_pid_is() {
    local pid="$1" marker="$2"
    _siyu_pid_alive "$pid" || return 1
    local cmdline=""
    if [[ -r "/proc/$pid/cmdline" ]]; then
        cmdline="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null || true)"
        [[ "$cmdline" == *"$marker"* ]] || return 1
    fi
    return 0
}

# _siyu_read_pid <pidfile>: prints the pid ("" if none)
_siyu_read_pid() {
    local f="$1" pid=""
    if [[ -f "$f" ]]; then
        pid="$(tr -dc '0-9' <"$f" 2>/dev/null || true)"
    fi
    printf '%s\n' "$pid"
}

# _siyu_port_open <port>: something accepts TCP connections on 127.0.0.1:<port>
_siyu_port_open() {
    local port="$1"
    timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$port" 2>/dev/null
}

_siyu_nacos_base() { printf 'http://%s:%s/nacos\n' "${NACOS_HOST:-127.0.0.1}" "${NACOS_PORT:-8848}"; }

_siyu_nacos_healthy() {
    local code
    code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 \
        "http://127.0.0.1:${NACOS_PORT:-8848}/nacos/v3/admin/core/state" 2>/dev/null || true)"
    [[ "$code" == "200" ]]
}

_siyu_seata_healthy() { _siyu_port_open "${SEATA_PORT:-8091}"; }

# _siyu_tail_log <file> [lines]
_siyu_tail_log() {
    local f="$1" n="${2:-40}"
    if [[ -f "$f" ]]; then
        _siyu_log "---- last $n lines of $f ----"
        tail -n "$n" "$f" >&2 || true
        _siyu_log "---- end of $f ----"
    else
        _siyu_log "(no log file $f)"
    fi
}

# _siyu_wait <name> <timeout_s> <health fn> <pidfile> <log> : poll until healthy, the process dies, or timeout
_siyu_wait() {
    local name="$1" timeout_s="$2" health="$3" pidfile="$4" log="$5"
    local start_ms now_ms pid
    [[ "$timeout_s" =~ ^[0-9]+$ ]] || { _siyu_log "$name: bad timeout '$timeout_s'"; return 1; }
    start_ms="$(_siyu_now_ms)"
    while true; do
        if "$health"; then
            now_ms="$(_siyu_now_ms)"
            _siyu_log "$name: ready (waited $(( (now_ms - start_ms) / 1000 )).$(( (now_ms - start_ms) % 1000 / 100 )) s)"
            return 0
        fi
        pid="$(_siyu_read_pid "$pidfile")"
        if [[ -n "$pid" ]] && ! _siyu_pid_alive "$pid"; then
            _siyu_log "$name: process $pid died before becoming ready"
            _siyu_tail_log "$log" 40
            return 1
        fi
        now_ms="$(_siyu_now_ms)"
        if (( now_ms - start_ms >= timeout_s * 1000 )); then
            _siyu_log "$name: not ready after ${timeout_s} s"
            _siyu_tail_log "$log" 40
            return 1
        fi
        sleep 0.3
    done
}

# _siyu_stop <name> <pidfile> <marker> <port> [timeout_s]
_siyu_stop() {
    local name="$1" pidfile="$2" marker="$3" port="$4" timeout_s="${5:-${SIYU_STOP_TIMEOUT:-15}}"
    local pid deadline_ms
    pid="$(_siyu_read_pid "$pidfile")"
    if [[ -z "$pid" ]]; then
        _siyu_log "$name: no pid file ($pidfile), nothing to stop"
        rm -f "$pidfile"
        return 0
    fi
    if ! _siyu_pid_is "$pid" "$marker"; then
        _siyu_log "$name: pid $pid is not a running $name (stale pid file removed)"
        rm -f "$pidfile"
        return 0
    fi
    _siyu_log "$name: stopping pid $pid (SIGTERM)"
    kill -TERM "$pid" 2>/dev/null || true
    deadline_ms=$(( $(_siyu_now_ms) + timeout_s * 1000 ))
    while _siyu_pid_alive "$pid" && (( $(_siyu_now_ms) < deadline_ms )); do
        sleep 0.2
    done
    if _siyu_pid_alive "$pid"; then
        _siyu_log "$name: still alive after ${timeout_s} s, sending SIGKILL"
        kill -KILL "$pid" 2>/dev/null || true
        deadline_ms=$(( $(_siyu_now_ms) + 5000 ))
        while _siyu_pid_alive "$pid" && (( $(_siyu_now_ms) < deadline_ms )); do
            sleep 0.1
        done
        if _siyu_pid_alive "$pid"; then
            _siyu_log "$name: pid $pid survived SIGKILL"
            return 1
        fi
    fi
    rm -f "$pidfile"
    _siyu_log "$name: stopped"
    if [[ -n "$port" ]] && _siyu_port_open "$port"; then
        _siyu_log "$name: warning: port $port still accepts connections (another process?)"
    fi
    return 0
}

# ---------------------------------------------------------------------------------------------------------
# Nacos
# ---------------------------------------------------------------------------------------------------------

_siyu_nacos_project() { printf '%s\n' "$SIYU_SERVERS_REPO_ROOT/deploy/nacos-server"; }
_siyu_nacos_jar() { printf '%s\n' "$(_siyu_nacos_project)/target/siyu-nacos-server.jar"; }

# siyu_build_nacos: build deploy/nacos-server unless target/siyu-nacos-server.jar is newer than its pom/sources.
siyu_build_nacos() {
    _siyu_build nacos "$(_siyu_nacos_project)" "$(_siyu_nacos_jar)"
}

# siyu_start_nacos: start Nacos in the background (nohup), write $SIYU_RUN_DIR/nacos.pid, return at once.
# Does nothing if Nacos already answers on $NACOS_PORT or our pid file points at a live Nacos (still starting).
siyu_start_nacos() {
    local run port jar home pidfile log pid java
    run="$(_siyu_run_dir)"
    port="${NACOS_PORT:-8848}"
    jar="$(_siyu_nacos_jar)"
    home="$run/nacos"
    pidfile="$run/nacos.pid"
    log="$run/logs/nacos.out"

    if _siyu_nacos_healthy; then
        _siyu_log "nacos: already answering on port $port, not starting another"
        return 0
    fi
    pid="$(_siyu_read_pid "$pidfile")"
    if [[ -n "$pid" ]] && _siyu_pid_is "$pid" siyu-nacos-server.jar; then
        _siyu_log "nacos: already starting (pid $pid)"
        return 0
    fi
    if _siyu_port_open "$port"; then
        _siyu_log "nacos: port $port is taken by something that is not a healthy Nacos"
        return 1
    fi
    if [[ ! -f "$jar" ]]; then
        _siyu_log "nacos: $jar missing, run siyu_build_nacos first"
        return 1
    fi
    [[ "$port" =~ ^[0-9]+$ ]] || { _siyu_log "nacos: bad NACOS_PORT '$port'"; return 1; }

    mkdir -p "$home/conf" "$home/logs" "$run/logs" "$run/home" "$run/tmp" || return 1
    # Fresh settings on every start, from the template in the project, with the port applied.
    sed -e "s/^nacos\.server\.main\.port=.*/nacos.server.main.port=$port/" \
        "$(_siyu_nacos_project)/src/main/dist/conf/application.properties" \
        >"$home/conf/application.properties" || return 1

    local -a opts=()
    read -r -a opts <<<"${SIYU_NACOS_JAVA_OPTS:--Xms64m -Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}"
    if [[ "${SIYU_NACOS_CDS:-0}" == "1" ]]; then
        local cds="$home/cds/nacos.jsa"
        mkdir -p "$home/cds"
        rm -f "$cds.tmp"
        if [[ -f "$cds" && "$cds" -nt "$jar" ]]; then
            opts+=("-XX:SharedArchiveFile=$cds")
        else
            rm -f "$cds"
            opts+=("-XX:ArchiveClassesAtExit=$cds.tmp")  # renamed to nacos.jsa by a clean siyu_stop_nacos
        fi
    fi
    java="$(_siyu_java)"

    (
        cd "$home" || exit 1
        nohup "$java" ${opts[@]+"${opts[@]}"} \
            -Duser.home="$run/home" \
            -Djava.io.tmpdir="$run/tmp" \
            -DJM.LOG.PATH="$home/logs" \
            -DJM.SNAPSHOT.PATH="$run/home" \
            -Dnacos.home="$home" \
            -Dnacos.logs.path="$home/logs" \
            -Dnacos.standalone=true \
            -Dnacos.deployment.type=server \
            -Dspring.config.additional-location="file:$home/conf/" \
            -jar "$jar" >"$log" 2>&1 </dev/null &
        echo $! >"$pidfile"
    ) || { _siyu_log "nacos: could not launch"; return 1; }
    _siyu_log "nacos: started pid $(_siyu_read_pid "$pidfile") on port $port (log $log, nacos.home $home)"
    return 0
}

# siyu_wait_nacos [timeout_s=120]: poll GET /nacos/v3/admin/core/state until 200. On timeout or if the
# process died: print the last 40 log lines, return 1.
siyu_wait_nacos() {
    local run
    run="$(_siyu_run_dir)"
    _siyu_wait nacos "${1:-120}" _siyu_nacos_healthy "$run/nacos.pid" "$run/logs/nacos.out"
}

# siyu_stop_nacos: SIGTERM the pid in $SIYU_RUN_DIR/nacos.pid, wait, SIGKILL after $SIYU_STOP_TIMEOUT s.
siyu_stop_nacos() {
    local run cds timeout_s
    run="$(_siyu_run_dir)"
    cds="$run/nacos/cds/nacos.jsa"
    timeout_s="${SIYU_STOP_TIMEOUT:-15}"
    # A JVM writing its CDS archive at exit needs longer (~10 s more).
    if [[ "${SIYU_NACOS_CDS:-0}" == "1" && ! -f "$cds" ]]; then
        timeout_s=$(( timeout_s + 30 ))
    fi
    _siyu_stop nacos "$run/nacos.pid" siyu-nacos-server.jar "${NACOS_PORT:-8848}" "$timeout_s" || return 1
    if [[ -f "$cds.tmp" ]]; then
        mv -f "$cds.tmp" "$cds" || true
    fi
    return 0
}

# siyu_nacos_publish_config <dataId> <group> <file>: publish the file's content (type from the extension:
# .yaml/.yml -> yaml, .properties, .json, .xml, .html, else text). Namespace from $NACOS_NAMESPACE.
siyu_nacos_publish_config() {
    if (( $# != 3 )); then
        _siyu_log "usage: siyu_nacos_publish_config <dataId> <group> <file>"
        return 1
    fi
    local data_id="$1" group="$2" file="$3" type body code
    if [[ ! -r "$file" || ! -s "$file" ]]; then
        _siyu_log "nacos: config file '$file' missing or empty"
        return 1
    fi
    case "${file##*.}" in
        yaml | yml) type=yaml ;;
        properties) type=properties ;;
        json) type=json ;;
        xml) type=xml ;;
        html | htm) type=html ;;
        *) type=text ;;
    esac
    local -a ns=()
    if [[ -n "${NACOS_NAMESPACE:-}" ]]; then
        ns=(--data-urlencode "namespaceId=$NACOS_NAMESPACE")
    fi
    body="$(mktemp)"
    # content@file: curl url-encodes the file as is (newlines kept, unlike -d @file)
    code="$(curl -sS -o "$body" -w '%{http_code}' --max-time 15 -X POST "$(_siyu_nacos_base)/v3/admin/cs/config" \
        --data-urlencode "dataId=$data_id" \
        --data-urlencode "groupName=$group" \
        --data-urlencode "type=$type" \
        ${ns[@]+"${ns[@]}"} \
        --data-urlencode "content@$file" 2>/dev/null || true)"
    if [[ "$code" == "200" ]] && grep -q '"data":true' "$body"; then
        rm -f "$body"
        _siyu_log "nacos: published $group/$data_id ($type) from $file"
        return 0
    fi
    _siyu_log "nacos: publishing $group/$data_id failed (HTTP $code): $(cat "$body" 2>/dev/null || true)"
    rm -f "$body"
    return 1
}

# siyu_nacos_get_config <dataId> <group>: print the raw content of a config (needs jq or python3 to
# decode the JSON answer). Returns 1 if it does not exist.
siyu_nacos_get_config() {
    if (( $# != 2 )); then
        _siyu_log "usage: siyu_nacos_get_config <dataId> <group>"
        return 1
    fi
    local body code
    local -a ns=()
    if [[ -n "${NACOS_NAMESPACE:-}" ]]; then
        ns=(--data-urlencode "namespaceId=$NACOS_NAMESPACE")
    fi
    body="$(mktemp)"
    code="$(curl -sS -G -o "$body" -w '%{http_code}' --max-time 10 "$(_siyu_nacos_base)/v3/admin/cs/config" \
        --data-urlencode "dataId=$1" --data-urlencode "groupName=$2" ${ns[@]+"${ns[@]}"} 2>/dev/null || true)"
    if [[ "$code" != "200" ]]; then
        _siyu_log "nacos: config $2/$1 not readable (HTTP $code): $(cat "$body" 2>/dev/null || true)"
        rm -f "$body"
        return 1
    fi
    local rc=0
    if command -v jq >/dev/null 2>&1; then
        jq -j '.data.content' "$body" || rc=1
    elif command -v python3 >/dev/null 2>&1; then
        python3 -c 'import json,sys; sys.stdout.write(json.load(open(sys.argv[1]))["data"]["content"])' "$body" || rc=1
    else
        _siyu_log "nacos: need jq or python3 to decode the answer"
        rc=1
    fi
    rm -f "$body"
    return "$rc"
}

# siyu_nacos_instances <serviceName> [group=DEFAULT_GROUP]: print the JSON answer of
# GET /nacos/v3/admin/ns/instance/list (the instances are in .data[]). Returns 0 on HTTP 200; returns 1
# (still printing the JSON error answer) when the service is unknown or Nacos is down.
siyu_nacos_instances() {
    if (( $# < 1 || $# > 2 )); then
        _siyu_log "usage: siyu_nacos_instances <serviceName> [group]"
        return 1
    fi
    local body code rc=0
    local -a ns=()
    if [[ -n "${NACOS_NAMESPACE:-}" ]]; then
        ns=(--data-urlencode "namespaceId=$NACOS_NAMESPACE")
    fi
    body="$(mktemp)"
    code="$(curl -sS -G -o "$body" -w '%{http_code}' --max-time 10 "$(_siyu_nacos_base)/v3/admin/ns/instance/list" \
        --data-urlencode "serviceName=$1" --data-urlencode "groupName=${2:-DEFAULT_GROUP}" \
        ${ns[@]+"${ns[@]}"} 2>/dev/null || true)"
    if [[ -s "$body" ]]; then
        cat "$body" 2>/dev/null || true
        echo
    fi
    if [[ "$code" != "200" ]]; then
        rc=1
        [[ "$code" == "000" ]] && _siyu_log "nacos: not reachable at $(_siyu_nacos_base)"
    fi
    rm -f "$body"
    return "$rc"
}

# siyu_nacos_wait_instances <serviceName> [min_count=1] [timeout_s=60] [group=DEFAULT_GROUP]: poll
# siyu_nacos_instances until at least min_count instances are listed (registration is asynchronous: right
# after a register call the list may still answer 404 "service/cluster ... is not found"). Prints the final
# JSON; returns 1 on timeout.
siyu_nacos_wait_instances() {
    if (( $# < 1 || $# > 4 )); then
        _siyu_log "usage: siyu_nacos_wait_instances <serviceName> [min_count] [timeout_s] [group]"
        return 1
    fi
    local svc="$1" want="${2:-1}" timeout_s="${3:-60}" group="${4:-DEFAULT_GROUP}" json="" count start_ms
    [[ "$want" =~ ^[0-9]+$ && "$timeout_s" =~ ^[0-9]+$ ]] || { _siyu_log "bad min_count/timeout"; return 1; }
    start_ms="$(_siyu_now_ms)"
    while true; do
        json="$(siyu_nacos_instances "$svc" "$group" 2>/dev/null || true)"
        # one "instanceHeartBeatInterval" per listed instance (avoids needing jq)
        count="$(grep -o '"instanceHeartBeatInterval"' <<<"$json" | wc -l | tr -d ' ' || true)"
        if [[ "$json" == *'"code":0'* ]] && (( count >= want )); then
            printf '%s\n' "$json"
            return 0
        fi
        if (( $(_siyu_now_ms) - start_ms >= timeout_s * 1000 )); then
            _siyu_log "nacos: $group/$svc has ${count:-0} instance(s) after ${timeout_s} s, wanted $want"
            printf '%s\n' "$json"
            return 1
        fi
        sleep 0.5
    done
}

# ---------------------------------------------------------------------------------------------------------
# Seata
# ---------------------------------------------------------------------------------------------------------

_siyu_seata_project() { printf '%s\n' "$SIYU_SERVERS_REPO_ROOT/deploy/seata-server"; }
_siyu_seata_jar() { printf '%s\n' "$(_siyu_seata_project)/target/siyu-seata-server.jar"; }

# siyu_build_seata: build deploy/seata-server unless target/siyu-seata-server.jar is newer than its pom.
siyu_build_seata() {
    _siyu_build seata "$(_siyu_seata_project)" "$(_siyu_seata_jar)"
}

# siyu_start_seata: start the Seata TC in the background (nohup), write $SIYU_RUN_DIR/seata.pid, return at
# once. Store mode file, registry file, config file; TC on $SEATA_PORT, console on $SEATA_CONSOLE_PORT.
# Does nothing if $SEATA_PORT already accepts connections or our pid file points at a live TC.
siyu_start_seata() {
    local run port console jar dir pidfile log pid java
    run="$(_siyu_run_dir)"
    port="${SEATA_PORT:-8091}"
    console="${SEATA_CONSOLE_PORT:-7091}"
    jar="$(_siyu_seata_jar)"
    dir="$run/seata"
    pidfile="$run/seata.pid"
    log="$run/logs/seata.out"

    if _siyu_seata_healthy; then
        _siyu_log "seata: port $port already accepts connections, not starting another"
        return 0
    fi
    pid="$(_siyu_read_pid "$pidfile")"
    if [[ -n "$pid" ]] && _siyu_pid_is "$pid" siyu-seata-server.jar; then
        _siyu_log "seata: already starting (pid $pid)"
        return 0
    fi
    if [[ ! -f "$jar" ]]; then
        _siyu_log "seata: $jar missing, run siyu_build_seata first"
        return 1
    fi
    [[ "$port" =~ ^[0-9]+$ && "$console" =~ ^[0-9]+$ ]] || { _siyu_log "seata: bad SEATA_PORT/SEATA_CONSOLE_PORT"; return 1; }

    mkdir -p "$dir/sessionStore" "$dir/logs" "$run/logs" "$run/home" "$run/tmp" || return 1
    local -a opts=()
    read -r -a opts <<<"${SIYU_SEATA_JAVA_OPTS:--Xms64m -Xmx192m -XX:+UseSerialGC}"
    java="$(_siyu_java)"

    # Seata's main parses its own arguments (-p/-h/-m ...) and rejects --spring.*: settings go in as -D.
    (
        cd "$dir" || exit 1
        nohup "$java" ${opts[@]+"${opts[@]}"} \
            -Duser.home="$run/home" \
            -Djava.io.tmpdir="$run/tmp" \
            -DJM.LOG.PATH="$dir/logs" \
            -DJM.SNAPSHOT.PATH="$run/home" \
            -Dlog.home="$dir/logs" \
            -Dlogging.path="$dir/logs" \
            -Dserver.port="$console" \
            -Dseata.config.type=file \
            -Dseata.registry.type=file \
            -Dseata.store.mode=file \
            -Dseata.store.file.dir="$dir/sessionStore" \
            -jar "$jar" -p "$port" -h "${SEATA_HOST:-127.0.0.1}" >"$log" 2>&1 </dev/null &
        echo $! >"$pidfile"
    ) || { _siyu_log "seata: could not launch"; return 1; }
    _siyu_log "seata: started pid $(_siyu_read_pid "$pidfile") on port $port, console $console (log $log)"
    return 0
}

# siyu_wait_seata [timeout_s=90]: poll until $SEATA_PORT accepts connections (the TC binds it as the last
# step of its startup, right before logging "seata server started"). On timeout or if the process died:
# print the last 40 log lines, return 1.
siyu_wait_seata() {
    local run
    run="$(_siyu_run_dir)"
    _siyu_wait seata "${1:-90}" _siyu_seata_healthy "$run/seata.pid" "$run/logs/seata.out"
}

# siyu_stop_seata: SIGTERM the pid in $SIYU_RUN_DIR/seata.pid, wait, SIGKILL after $SIYU_STOP_TIMEOUT s.
siyu_stop_seata() {
    local run
    run="$(_siyu_run_dir)"
    _siyu_stop seata "$run/seata.pid" siyu-seata-server.jar "${SEATA_PORT:-8091}"
}

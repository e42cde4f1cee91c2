#!/usr/bin/env bash
# shellcheck shell=bash
#
# deploy/lib/infra.sh — make sure the tools and the plain infrastructure the suite needs are there:
# Java 17 + Maven + curl, MariaDB, Redis and RabbitMQ. Each one already listening on its port is used
# as it is; otherwise it is installed from Debian's packages (if missing) and started here, with its
# data under $SIYU_RUN_DIR and a pid file so that `siyu.sh down` stops exactly what was started.
# Source after servers.sh (uses its _siyu_* helpers).

SIYU_DB_HOST="${SIYU_DB_HOST:-127.0.0.1}"
SIYU_DB_PORT="${SIYU_DB_PORT:-3306}"
SIYU_DB_USER="${SIYU_DB_USER:-root}"
SIYU_DB_PASSWORD="${SIYU_DB_PASSWORD:-}"
SIYU_REDIS_PORT="${SIYU_REDIS_PORT:-6379}"
SIYU_RABBIT_PORT="${SIYU_RABBIT_PORT:-5672}"
export SIYU_DB_HOST SIYU_DB_PORT SIYU_DB_USER SIYU_DB_PASSWORD SIYU_REDIS_PORT SIYU_RABBIT_PORT

_siyu_apt_updated=0
siyu_apt_install() {
    local sudo=""
    [[ "$(id -u)" == "0" ]] || sudo="sudo"
    if [[ "$_siyu_apt_updated" == "0" ]]; then
        _siyu_log "apt-get update"
        $sudo apt-get update -qq >/dev/null || { _siyu_log "apt-get update failed"; return 1; }
        _siyu_apt_updated=1
    fi
    _siyu_log "apt-get install $*"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null \
        || { _siyu_log "apt-get install $* failed"; return 1; }
}

siyu_ensure_tools() {
    local missing=()
    if ! command -v java >/dev/null 2>&1 || ! java -version 2>&1 | grep -Eq 'version "(1[7-9]|2[0-9])'; then
        missing+=(openjdk-17-jdk-headless)
    fi
    command -v mvn >/dev/null 2>&1 || missing+=(maven)
    command -v curl >/dev/null 2>&1 || missing+=(curl)
    if (( ${#missing[@]} > 0 )); then
        siyu_apt_install "${missing[@]}"
    fi
}

_siyu_db_ping() {
    _siyu_port_open "$SIYU_DB_PORT" || return 1
    if command -v mariadb >/dev/null 2>&1; then
        MYSQL_PWD="$SIYU_DB_PASSWORD" mariadb --protocol=tcp -h "$SIYU_DB_HOST" -P "$SIYU_DB_PORT" -u "$SIYU_DB_USER" \
            --connect-timeout=2 -e 'select 1' >/dev/null 2>&1
    fi
}

siyu_ensure_mariadb() {
    local run; run="$(_siyu_run_dir)"
    if _siyu_port_open "$SIYU_DB_PORT"; then
        _siyu_log "MariaDB: using the server on $SIYU_DB_HOST:$SIYU_DB_PORT"
        return 0
    fi
    if [[ ! -x /usr/sbin/mariadbd ]] || ! command -v mariadb-install-db >/dev/null 2>&1; then
        siyu_apt_install mariadb-server mariadb-client || return 1
    fi
    local dir="$run/mariadb"
    mkdir -p "$dir" "$run/logs"
    if [[ ! -d "$dir/data/mysql" ]]; then
        _siyu_log "MariaDB: initialising a private data directory in $dir/data"
        mariadb-install-db --no-defaults --user="$(id -un)" --datadir="$dir/data" \
            --auth-root-authentication-method=normal >"$run/logs/mariadb-install.log" 2>&1 \
            || { _siyu_tail_log "$run/logs/mariadb-install.log"; return 1; }
    fi
    _siyu_log "MariaDB: starting on 127.0.0.1:$SIYU_DB_PORT"
    nohup /usr/sbin/mariadbd --no-defaults --user="$(id -un)" --datadir="$dir/data" --socket="$dir/mysqld.sock" \
        --pid-file="$dir/mariadbd.pid" --port="$SIYU_DB_PORT" --bind-address=127.0.0.1 \
        --innodb-buffer-pool-size=256M --max-connections=500 --character-set-server=utf8mb4 \
        --collation-server=utf8mb4_unicode_ci --log-error="$run/logs/mariadb.log" >/dev/null 2>&1 &
    echo $! >"$run/mariadb.pid"
    local deadline=$(( $(date +%s) + 60 ))
    until mariadb-admin --socket="$dir/mysqld.sock" -uroot ping >/dev/null 2>&1; do
        if ! _siyu_pid_alive "$(_siyu_read_pid "$run/mariadb.pid")"; then
            _siyu_log "MariaDB died while starting"; _siyu_tail_log "$run/logs/mariadb.log"; return 1
        fi
        (( $(date +%s) < deadline )) || { _siyu_log "MariaDB not up after 60 s"; _siyu_tail_log "$run/logs/mariadb.log"; return 1; }
        sleep 0.3
    done
    # TCP clients from 127.0.0.1 use the configured user; make sure it exists with the configured password.
    mariadb --socket="$dir/mysqld.sock" -uroot -e \
        "CREATE USER IF NOT EXISTS '$SIYU_DB_USER'@'127.0.0.1' IDENTIFIED BY '$SIYU_DB_PASSWORD';
         GRANT ALL PRIVILEGES ON *.* TO '$SIYU_DB_USER'@'127.0.0.1' WITH GRANT OPTION;
         CREATE USER IF NOT EXISTS '$SIYU_DB_USER'@'localhost' IDENTIFIED BY '$SIYU_DB_PASSWORD';
         GRANT ALL PRIVILEGES ON *.* TO '$SIYU_DB_USER'@'localhost' WITH GRANT OPTION;" \
        || { _siyu_log "MariaDB: cannot create the $SIYU_DB_USER user"; return 1; }
    _siyu_log "MariaDB: ready"
}

siyu_ensure_redis() {
    local run; run="$(_siyu_run_dir)"
    if _siyu_port_open "$SIYU_REDIS_PORT"; then
        _siyu_log "Redis: using the server on 127.0.0.1:$SIYU_REDIS_PORT"
        return 0
    fi
    command -v redis-server >/dev/null 2>&1 || siyu_apt_install redis-server || return 1
    mkdir -p "$run/redis" "$run/logs"
    _siyu_log "Redis: starting on 127.0.0.1:$SIYU_REDIS_PORT"
    nohup redis-server --port "$SIYU_REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --dir "$run/redis" \
        --daemonize no >"$run/logs/redis.log" 2>&1 &
    echo $! >"$run/redis.pid"
    local deadline=$(( $(date +%s) + 30 ))
    until _siyu_port_open "$SIYU_REDIS_PORT"; do
        _siyu_pid_alive "$(_siyu_read_pid "$run/redis.pid")" || { _siyu_tail_log "$run/logs/redis.log"; return 1; }
        (( $(date +%s) < deadline )) || { _siyu_log "Redis not up after 30 s"; return 1; }
        sleep 0.2
    done
    _siyu_log "Redis: ready"
}

siyu_ensure_rabbitmq() {
    local run; run="$(_siyu_run_dir)"
    if _siyu_port_open "$SIYU_RABBIT_PORT"; then
        _siyu_log "RabbitMQ: using the broker on 127.0.0.1:$SIYU_RABBIT_PORT"
        return 0
    fi
    [[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ]] || siyu_apt_install rabbitmq-server || return 1
    local dir="$run/rabbitmq"
    mkdir -p "$dir/mnesia" "$dir/log" "$dir/home" "$run/logs"
    _siyu_log "RabbitMQ: starting on 127.0.0.1:$SIYU_RABBIT_PORT"
    # setsid: the broker is a tree (shell wrapper, epmd, beam); `down` stops the whole process group.
    HOME="$dir/home" RABBITMQ_HOME=/usr/lib/rabbitmq RABBITMQ_MNESIA_BASE="$dir/mnesia" RABBITMQ_LOG_BASE="$dir/log" \
        RABBITMQ_NODENAME="siyu@localhost" RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT="$SIYU_RABBIT_PORT" \
        RABBITMQ_DIST_PORT=$(( SIYU_RABBIT_PORT + 20000 )) \
        nohup setsid /usr/lib/rabbitmq/bin/rabbitmq-server >"$run/logs/rabbitmq.log" 2>&1 &
    echo $! >"$run/rabbitmq.pid"
    local deadline=$(( $(date +%s) + 90 ))
    until _siyu_port_open "$SIYU_RABBIT_PORT"; do
        _siyu_pid_alive "$(_siyu_read_pid "$run/rabbitmq.pid")" || { _siyu_tail_log "$run/logs/rabbitmq.log"; return 1; }
        (( $(date +%s) < deadline )) || { _siyu_log "RabbitMQ not up after 90 s"; _siyu_tail_log "$run/logs/rabbitmq.log"; return 1; }
        sleep 0.5
    done
    _siyu_log "RabbitMQ: ready"
}

# Stops the infrastructure this script started (pid files present); leaves servers it found running alone.
siyu_stop_infra() {
    local run; run="$(_siyu_run_dir)"
    local pid
    pid="$(_siyu_read_pid "$run/rabbitmq.pid")"
    if [[ -n "$pid" ]] && _siyu_pid_alive "$pid"; then
        _siyu_log "RabbitMQ: stopping process group $pid"
        kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 1 75); do _siyu_pid_alive "$pid" || break; sleep 0.2; done
        _siyu_pid_alive "$pid" && kill -KILL -- "-$pid" 2>/dev/null || true
    fi
    rm -f "$run/rabbitmq.pid"
    _siyu_stop redis "$run/redis.pid" redis-server "" 10
    _siyu_stop mariadb "$run/mariadb.pid" mariadbd "" 30
}

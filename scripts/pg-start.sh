#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server from this machine's binaries, for tests and CI.
#
#   scripts/pg-start.sh                 -> last stdout line: DATABASE_URL=postgres://mps@127.0.0.1:PORT/mps
#   scripts/pg-stop.sh <statefile>      -> stops it and removes its directory
#
# Environment:
#   PG_BIN          directory holding initdb/pg_ctl/psql (default: newest /usr/lib/postgresql/*/bin)
#   PG_STATE_FILE   where to write the state pg-stop.sh needs (default: <tmpdir>/pg-state)
#   PG_OS_USER      system user that runs the server when invoked as root (default: mpsci)
#   PG_DB           database to create (default: mps)
#
# The server is tuned for speed, not durability (fsync off): never point it at data you want to keep.
# Progress goes to stderr; stdout carries only PG_STATE_FILE=... and, last, DATABASE_URL=....
# On any failure the server log is printed to stderr, everything is removed, and the exit code is non-zero.
set -euo pipefail

PG_OS_USER=${PG_OS_USER:-mpsci}
PG_DB=${PG_DB:-mps}
PG_SUPERUSER=mps

log() { printf 'pg-start: %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# ---------------------------------------------------------------- binaries
find_pg_bin() {
  if [[ -n "${PG_BIN:-}" ]]; then
    printf '%s\n' "$PG_BIN"
    return
  fi
  local newest
  newest=$(compgen -G '/usr/lib/postgresql/*/bin' | sort -V | tail -n 1 || true)
  if [[ -n "$newest" ]]; then
    printf '%s\n' "$newest"
    return
  fi
  if command -v pg_config >/dev/null 2>&1 && [[ -x "$(pg_config --bindir)/initdb" ]]; then
    pg_config --bindir
    return
  fi
  if command -v initdb >/dev/null 2>&1; then
    dirname "$(command -v initdb)"
    return
  fi
  return 1
}
PG_BIN=$(find_pg_bin) || die "no PostgreSQL binaries found (set PG_BIN, or install postgresql: apt-get install -y postgresql)"
for tool in initdb pg_ctl psql; do
  [[ -x "$PG_BIN/$tool" ]] || die "$PG_BIN/$tool is missing or not executable"
done
log "using $("$PG_BIN/postgres" --version 2>/dev/null || echo "$PG_BIN")"

# ---------------------------------------------------------------- who runs the server
# PostgreSQL refuses to run as root, so root hands the server to an unprivileged system user.
RUN_AS=""
if [[ $(id -u) -eq 0 ]]; then
  RUN_AS=$PG_OS_USER
  if ! id -u "$RUN_AS" >/dev/null 2>&1; then
    log "creating system user $RUN_AS"
    # A concurrent run may create it at the same moment: re-check instead of failing.
    useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$RUN_AS" 2>/dev/null \
      || id -u "$RUN_AS" >/dev/null 2>&1 \
      || die "could not create system user $RUN_AS"
  fi
fi

# as_owner CMD...: runs CMD as the server's owner, from inside the temp dir (the caller's cwd may be
# unreadable for that user, e.g. /root).
as_owner() {
  if [[ -z "$RUN_AS" ]]; then
    (cd "$TMP_DIR" && "$@")
  elif command -v runuser >/dev/null 2>&1; then
    (cd "$TMP_DIR" && runuser -u "$RUN_AS" -- "$@")
  else
    (cd "$TMP_DIR" && su -s /bin/sh "$RUN_AS" -c "$(printf '%q ' "$@")")
  fi
}

# ---------------------------------------------------------------- temp dir
# The unix socket lives in the temp dir: keep its path short (sun_path is ~107 bytes) and free of
# spaces (it goes through pg_ctl -o), and make sure the server's user can reach it.
tmp_base=${TMPDIR:-/tmp}
if [[ ${#tmp_base} -gt 60 || "$tmp_base" =~ [[:space:]] ]]; then
  tmp_base=/tmp
fi
TMP_DIR=$(mktemp -d "$tmp_base/mps-pg.XXXXXX" 2>/dev/null || mktemp -d /tmp/mps-pg.XXXXXX)
PGDATA_DIR=$TMP_DIR/data
PG_LOG=$TMP_DIR/log
INITDB_LOG=$TMP_DIR/initdb.log
STATE_FILE=${PG_STATE_FILE:-$TMP_DIR/pg-state}
touch "$TMP_DIR/.mps-pg-tmp"   # marker: pg-stop.sh removes only directories that carry it
INITDB_OK=0
STARTED=0
OK=0

on_exit() {
  local rc=$?
  if [[ $OK -eq 1 ]]; then
    return
  fi
  [[ $rc -eq 0 ]] && rc=1
  log "failed (exit $rc)"
  if [[ $INITDB_OK -eq 0 && -s "$INITDB_LOG" ]]; then
    printf '%s\n' '----- initdb output -----' >&2
    cat "$INITDB_LOG" >&2 || true
  fi
  if [[ -s "$PG_LOG" ]]; then
    printf '%s\n' "----- postgres log ($PG_LOG) -----" >&2
    cat "$PG_LOG" >&2 || true
    printf '%s\n' '----- end of postgres log -----' >&2
  fi
  if [[ $STARTED -eq 1 ]]; then
    as_owner "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -m immediate -w -t 30 stop 1>&2 || true
  fi
  if [[ "$STATE_FILE" != "$TMP_DIR"/* ]]; then
    rm -f "$STATE_FILE"
  fi
  rm -rf "$TMP_DIR"
  exit "$rc"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM HUP

if [[ -n "$RUN_AS" ]]; then
  chown "$RUN_AS" "$TMP_DIR"
  chmod 0700 "$TMP_DIR"
  if ! as_owner test -w "$TMP_DIR" 2>/dev/null; then
    die "user $RUN_AS cannot write $TMP_DIR (is a parent directory closed to it? set TMPDIR=/tmp)"
  fi
fi

# ---------------------------------------------------------------- initdb
initdb_with() {
  rm -rf "$PGDATA_DIR"
  as_owner "$PG_BIN/initdb" -D "$PGDATA_DIR" --auth=trust --username="$PG_SUPERUSER" --encoding=UTF8 \
    --no-sync "$@" >"$INITDB_LOG" 2>&1
}
log "initdb in $PGDATA_DIR"
if ! initdb_with --locale=C.UTF-8; then
  log "initdb with --locale=C.UTF-8 failed; retrying with --no-locale"
  mv "$INITDB_LOG" "$INITDB_LOG.c-utf8"
  if ! initdb_with --no-locale; then
    cat "$INITDB_LOG.c-utf8" >&2 || true
    die "initdb failed"
  fi
fi
INITDB_OK=1

# ---------------------------------------------------------------- free port
free_port() {
  if command -v node >/dev/null 2>&1; then
    node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{process.stdout.write(String(s.address().port));s.close();});'
  elif command -v python3 >/dev/null 2>&1; then
    python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1]);s.close()'
  else
    echo $(( 20000 + RANDOM % 40000 ))
  fi
}

# ---------------------------------------------------------------- start
# Another process can take the port between the probe and the bind: try a few ports.
PORT=""
for attempt in 1 2 3 4 5; do
  PORT=$(free_port) || die "could not find a free port"
  [[ "$PORT" =~ ^[0-9]+$ ]] || die "bad port: $PORT"
  : >"$PG_LOG"
  [[ -n "$RUN_AS" ]] && chown "$RUN_AS" "$PG_LOG"
  log "starting on 127.0.0.1:$PORT (attempt $attempt)"
  if as_owner "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -l "$PG_LOG" -w -t 60 start \
      -o "-c listen_addresses=127.0.0.1 -p $PORT -k $TMP_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" >&2; then
    STARTED=1
    break
  fi
  # pg_ctl -w may give up while the postmaster still lives: make sure nothing is left before retrying.
  as_owner "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
  if grep -qiE 'could not bind|address already in use|could not create any TCP/IP sockets' "$PG_LOG"; then
    log "port $PORT was taken; trying another"
    continue
  fi
  die "pg_ctl start failed"
done
[[ $STARTED -eq 1 ]] || die "could not start PostgreSQL after 5 attempts"

{
  printf 'PG_TMP_DIR=%s\n' "$TMP_DIR"
  printf 'PGDATA=%s\n' "$PGDATA_DIR"
  printf 'PG_PORT=%s\n' "$PORT"
  printf 'PG_BIN=%s\n' "$PG_BIN"
  printf 'PG_RUN_AS=%s\n' "$RUN_AS"
  printf 'PG_LOG=%s\n' "$PG_LOG"
} >"$STATE_FILE"

# ---------------------------------------------------------------- database
BASE_URL="postgres://$PG_SUPERUSER@127.0.0.1:$PORT"
log "creating database $PG_DB"
PGCONNECT_TIMEOUT=10 "$PG_BIN/psql" "$BASE_URL/postgres" -X -q -v ON_ERROR_STOP=1 \
  -c "CREATE DATABASE \"$PG_DB\"" >&2 || die "could not create database $PG_DB"

DATABASE_URL="$BASE_URL/$PG_DB"
printf 'DATABASE_URL=%s\n' "$DATABASE_URL" >>"$STATE_FILE"
OK=1
log "ready: $DATABASE_URL (stop with: scripts/pg-stop.sh $STATE_FILE)"
printf 'PG_STATE_FILE=%s\n' "$STATE_FILE"
printf 'DATABASE_URL=%s\n' "$DATABASE_URL"

#!/usr/bin/env bash
# Stops a server started by scripts/pg-start.sh and removes its temporary directory.
#
#   scripts/pg-stop.sh <statefile>     (or PG_STATE_FILE=<statefile> scripts/pg-stop.sh)
#
# Safe to call twice, or when the start failed: a missing state file is not an error.
set -euo pipefail

log() { printf 'pg-stop: %s\n' "$*" >&2; }

STATE_FILE=${1:-${PG_STATE_FILE:-}}
if [[ -z "$STATE_FILE" ]]; then
  log "usage: $0 <statefile>"
  exit 2
fi
if [[ ! -f "$STATE_FILE" ]]; then
  log "no state file at $STATE_FILE: nothing to stop"
  exit 0
fi

# The state file is KEY=value lines written by pg-start.sh; read it without executing it.
PG_TMP_DIR="" PGDATA_DIR="" PG_BIN="" PG_RUN_AS="" PG_PORT=""
while IFS='=' read -r key value; do
  case "$key" in
    PG_TMP_DIR) PG_TMP_DIR=$value ;;
    PGDATA) PGDATA_DIR=$value ;;
    PG_BIN) PG_BIN=$value ;;
    PG_RUN_AS) PG_RUN_AS=$value ;;
    PG_PORT) PG_PORT=$value ;;
  esac
done <"$STATE_FILE"
[[ -n "$PG_TMP_DIR" && -n "$PGDATA_DIR" && -n "$PG_BIN" ]] || { log "malformed state file $STATE_FILE"; exit 1; }

as_owner() {
  if [[ -z "$PG_RUN_AS" || $(id -u) -ne 0 ]]; then
    (cd / && "$@")
  elif command -v runuser >/dev/null 2>&1; then
    (cd / && runuser -u "$PG_RUN_AS" -- "$@")
  else
    (cd / && su -s /bin/sh "$PG_RUN_AS" -c "$(printf '%q ' "$@")")
  fi
}

# alive PID: the process exists and is not a zombie (a zombie waits for a parent that may never reap it).
alive() {
  kill -0 "$1" 2>/dev/null || return 1
  local state
  state=$(sed -n 's/^[0-9]* (.*) \([A-Za-z]\) .*/\1/p' "/proc/$1/stat" 2>/dev/null || true)
  [[ "$state" != Z ]]
}

postmaster_pid() {
  local pid
  [[ -f "$PGDATA_DIR/postmaster.pid" ]] || return 1
  pid=$(head -n 1 "$PGDATA_DIR/postmaster.pid" 2>/dev/null || true)
  [[ "$pid" =~ ^[0-9]+$ ]] && alive "$pid" && printf '%s\n' "$pid"
}

if [[ -d "$PGDATA_DIR" ]] && pid=$(postmaster_pid); then
  log "stopping server $pid on port ${PG_PORT:-?} ($PGDATA_DIR)"
  as_owner "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -m fast -w -t 30 stop 1>&2 \
    || as_owner "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -m immediate -w -t 30 stop 1>&2 \
    || true
  # pg_ctl returns once postmaster.pid is gone; the process itself may take a moment longer.
  for _ in $(seq 1 50); do alive "$pid" || break; sleep 0.1; done
  if alive "$pid"; then
    log "server $pid still running: killing it"
    kill -KILL "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do alive "$pid" || break; sleep 0.1; done
  fi
else
  log "server not running"
fi

# Remove only a directory pg-start.sh made (it carries a marker file).
if [[ -d "$PG_TMP_DIR" ]]; then
  if [[ -f "$PG_TMP_DIR/.mps-pg-tmp" ]]; then
    rm -rf "$PG_TMP_DIR"
    log "removed $PG_TMP_DIR"
  else
    log "not removing $PG_TMP_DIR: it was not made by pg-start.sh"
    exit 1
  fi
fi
rm -f "$STATE_FILE"

#!/usr/bin/env bash
# A throw-away Virtuoso for the integration tests: `start ENV_FILE` creates a database in a temp
# dir with a random password, listens on free loopback ports, waits until SPARQL answers and
# writes VIRTUOSO_* variables to ENV_FILE; `stop ENV_FILE` stops it by PID and removes the dir;
# `restart ENV_FILE` starts it again on the same database after it was killed (the crash tests).
# VIRTUOSO_BUFFERS sets its page buffers (8 KiB each; default 10000, enough for the tests' graphs;
# npm run bench gives it more for graphs of millions of triples).
# Installed by .ci/run from Debian's virtuoso-opensource-7-bin (binary only: no daemon, no debconf).
set -euo pipefail
command=${1:?usage: virtuoso.sh start|stop ENV_FILE}
env_file=${2:?usage: virtuoso.sh start|stop ENV_FILE}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Whether PID runs: a killed process is gone, or a zombie (kill -0 still succeeds), only once every
# one of its threads is (until then it holds the database lock).
running() {
  kill -0 "$1" 2>/dev/null || return 1
  local task
  for task in /proc/"$1"/task/*/stat; do
    grep -qE '^[0-9]+ \(.*\) Z ' "$task" 2>/dev/null || return 0
  done
  return 1
}

# Starts virtuoso-t on the database in DIR and waits until SPARQL answers on HTTP_PORT; prints its PID.
serve() {
  local dir=$1 http_port=$2 pid
  virtuoso-t +foreground +configfile "$dir/virtuoso.ini" >>"$dir/stdout.log" 2>&1 &
  pid=$!
  # A restart after kill -9 rolls the transaction log forward first (a few seconds).
  for _ in $(seq 1 600); do
    curl -sf -o /dev/null "http://127.0.0.1:$http_port/sparql?query=ASK%7B%7D" && break
    kill -0 "$pid" 2>/dev/null || { echo "virtuoso died while starting" >&2; tail -20 "$dir/virtuoso.log" >&2; exit 1; }
    sleep 0.2
  done
  curl -sf -o /dev/null "http://127.0.0.1:$http_port/sparql?query=ASK%7B%7D" || { echo "virtuoso did not answer" >&2; exit 1; }
  echo "$pid"
}

start() {
  command -v virtuoso-t >/dev/null || { echo "virtuoso-t not found: apt-get install virtuoso-opensource-7-bin" >&2; exit 1; }
  local dir sql_port http_port password pid buffers
  buffers=${VIRTUOSO_BUFFERS:-10000}
  dir=$(mktemp -d /tmp/peacegraph-virtuoso.XXXXXX)
  sql_port=$(free_port); http_port=$(free_port)
  password=$(od -An -N10 -tx1 /dev/urandom | tr -d ' \n')   # 20 hex characters: virtuoso-t truncates longer ones
  mkdir -p "$dir/vsp"
  cat > "$dir/virtuoso.ini" <<INI
[Database]
DatabaseFile       = $dir/virtuoso.db
ErrorLogFile       = $dir/virtuoso.log
LockFile           = $dir/virtuoso.lck
TransactionFile    = $dir/virtuoso.trx
xa_persistent_file = $dir/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = $dir/virtuoso-temp.db
TransactionFile    = $dir/virtuoso-temp.trx
Striping           = 0

[Parameters]
ServerPort           = 127.0.0.1:$sql_port
DisableUnixSocket    = 1
MaxClientConnections = 10
CheckpointInterval   = 60
CaseMode             = 2
DirsAllowed          = ., $dir
NumberOfBuffers      = $buffers
MaxDirtyBuffers      = $((buffers * 3 / 5))
ThreadsPerQuery      = 2

[HTTPServer]
ServerPort           = 127.0.0.1:$http_port
ServerRoot           = $dir/vsp
ServerThreads        = 10
MaxClientConnections = 10
Charset              = UTF-8
EnabledGzipContent   = 0

[SPARQL]
ResultSetMaxRows           = 1000000
MaxQueryExecutionTime      = 0
INI
  # Create the database and set the passwords before the server ever listens (this run exits).
  virtuoso-t +foreground +configfile "$dir/virtuoso.ini" +pwdold dba +pwddba "$password" +pwddav "$password" >"$dir/init.out" 2>&1
  grep -q 'The DBA password is changed' "$dir/virtuoso.log" || { echo "virtuoso: setting the password failed" >&2; tail -20 "$dir/virtuoso.log" >&2; exit 1; }
  pid=$(serve "$dir" "$http_port")
  umask 077
  cat > "$env_file" <<ENV
VIRTUOSO_PID=$pid
VIRTUOSO_DIR=$dir
VIRTUOSO_HTTP=http://127.0.0.1:$http_port
VIRTUOSO_SQL=127.0.0.1:$sql_port
VIRTUOSO_USER=dba
VIRTUOSO_PASSWORD=$password
ENV
  echo "virtuoso ready on 127.0.0.1:$http_port (pid $pid)"
}

stop() {
  [ -f "$env_file" ] || return 0
  local pid dir
  pid=$(sed -n 's/^VIRTUOSO_PID=//p' "$env_file"); dir=$(sed -n 's/^VIRTUOSO_DIR=//p' "$env_file")
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
  fi
  case "$dir" in /tmp/peacegraph-virtuoso.*) rm -rf "$dir" ;; esac
  rm -f "$env_file"
  echo "virtuoso stopped"
}

restart() {
  local pid dir http_port
  pid=$(sed -n 's/^VIRTUOSO_PID=//p' "$env_file"); dir=$(sed -n 's/^VIRTUOSO_DIR=//p' "$env_file")
  http_port=$(sed -n 's/^VIRTUOSO_HTTP=http:\/\/127\.0\.0\.1://p' "$env_file")
  # Just killed, it may take a moment to go.
  for _ in $(seq 1 50); do running "$pid" || break; sleep 0.2; done
  if running "$pid"; then echo "virtuoso is running (pid $pid)"; return 0; fi
  pid=$(serve "$dir" "$http_port")
  sed -i "s/^VIRTUOSO_PID=.*/VIRTUOSO_PID=$pid/" "$env_file"
  echo "virtuoso restarted on 127.0.0.1:$http_port (pid $pid)"
}

case "$command" in
  start) start ;;
  stop) stop ;;
  restart) restart ;;
  *) echo "usage: virtuoso.sh start|stop|restart ENV_FILE" >&2; exit 2 ;;
esac

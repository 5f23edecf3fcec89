#!/usr/bin/env bash
# The deployment topology of docs/deployment.md on loopback, in a temporary directory, stopped on
# exit (also reachable as `make bench BENCH=cluster`):
#
#   HAProxy (health checks on /gezondheid/) -> two gunicorn instances (config/gunicorn.py)
#   PgBouncer (transaction mode) -> PostgreSQL primary; a streaming replica (pg_basebackup -R)
#   for the jaarverslag (DATABASE_REPLICA_URL); Redis; a Celery worker and beat; an S3 server
#   (moto in server mode) for the documents.
#
#   bench/topology.sh                       starts it, generates data, runs the drills (bench/drills.py)
#   bench/topology.sh --up                  starts it, prints the URLs and stays up until Ctrl-C
#   bench/topology.sh --meldingen 1000000   another data size (default 100,000)
#   bench/topology.sh --drills "app worker" only these drills (app worker replica redis backup)
#
# PgBouncer 1.18 (Debian 12) has no prepared statements in transaction mode: the app servers run
# with DATABASE_SERVER_SIDE_BINDING=false and ?disable_server_side_cursors=true in DATABASE_URL, and the
# per-connection planner options of config/settings/base.py are set on the database instead.
# The whole script is one block: bash reads it completely before running it, so editing the file
# while a topology runs does not change the running script.
{
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
MODE=drills
MELDINGEN=100000
DRILLS="app worker replica redis backup"
while [ $# -gt 0 ]; do
  case "$1" in
    --up) MODE=up ;;
    --meldingen) MELDINGEN=$2; shift ;;
    --drills) DRILLS=$2; shift ;;
    *) echo "Onbekende optie: $1" >&2; exit 2 ;;
  esac
  shift
done

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
NEEDED_DEBS=()
[ -x "$PG_BIN/initdb" ] || NEEDED_DEBS+=(postgresql)
command -v redis-server >/dev/null || NEEDED_DEBS+=(redis-server)
command -v pgbouncer >/dev/null || NEEDED_DEBS+=(pgbouncer)
command -v haproxy >/dev/null || NEEDED_DEBS+=(haproxy)
ldconfig -p | grep -q libpangoft2-1.0 || NEEDED_DEBS+=(libpango-1.0-0 libpangoft2-1.0-0)  # WeasyPrint
if [ ${#NEEDED_DEBS[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "Installing Debian packages: ${NEEDED_DEBS[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${NEEDED_DEBS[@]}" >/dev/null
  else
    echo "Missing system packages. Install them with:" >&2
    echo "  sudo apt-get install -y ${NEEDED_DEBS[*]}" >&2
    exit 1
  fi
fi
[ -x "$PG_BIN/initdb" ] || PG_BIN=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
export PG_BIN

free_port() { .venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

T=$(mktemp -d /tmp/leerplicht-cluster.XXXXXX)
chmod 755 "$T"
export CLUSTER_DIR=$T
as_pg=()
if [ "$(id -u)" -eq 0 ]; then
  # initdb and PgBouncer refuse to run as root: they run as the postgres system user.
  chown postgres: "$T"
  as_pg=(runuser -u postgres --)
fi
AS_PG="${as_pg[*]}"
export AS_PG
for name in PRIMARY REPLICA BOUNCER REDIS S3 APP1 APP2 LB STATS; do
  printf -v "${name}_PORT" '%s' "$(free_port)"
  export "${name}_PORT"
done

stop_all() {
  set +e
  for pidfile in "$T"/*.pid; do
    [ -f "$pidfile" ] || continue
    pid=$(cat "$pidfile")
    # Each service runs in its own process group (gunicorn and celery with their workers).
    group=$(ps -o pgid= -p "$pid" | tr -d ' ')
    if [ -n "$group" ] && [ "$group" != "$(ps -o pgid= -p $$ | tr -d ' ')" ]; then
      kill -TERM -- "-$group" 2>/dev/null
    else
      kill -TERM "$pid" 2>/dev/null
    fi
  done
  sleep 2
  for pidfile in "$T"/*.pid; do
    [ -f "$pidfile" ] && kill -KILL "$(cat "$pidfile")" 2>/dev/null
  done
  for cluster in "$T"/pg-*; do
    [ -d "$cluster" ] && "${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$cluster" -m immediate stop >/dev/null 2>&1
  done
  # The logs outlive the run, for a look after a failure.
  rm -rf /tmp/leerplicht-cluster-logs && mkdir -p /tmp/leerplicht-cluster-logs
  cp "$T"/*.log /tmp/leerplicht-cluster-logs/ 2>/dev/null
  rm -rf "$T"
}
trap stop_all EXIT
trap 'exit 130' INT TERM

echo "== PostgreSQL primary and streaming replica"
"${as_pg[@]}" "$PG_BIN/initdb" -D "$T/pg-primary" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
PG_OPTS="-c listen_addresses=127.0.0.1 -k $T -c shared_buffers=512MB -c work_mem=32MB -c maintenance_work_mem=256MB -c synchronous_commit=off -c max_connections=200"
"${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$T/pg-primary" -l "$T/pg-primary.log" -w start \
  -o "-p $PRIMARY_PORT $PG_OPTS -c wal_level=replica -c max_wal_senders=5" >/dev/null
"$PG_BIN/createdb" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres leerplicht
# The planner options the app passes per connection (config/settings/base.py) do not pass PgBouncer
# (it ignores the startup parameter "options"): they are set on the database.
"$PG_BIN/psql" -q -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -d leerplicht \
  -c "ALTER DATABASE leerplicht SET join_collapse_limit = 6" -c "ALTER DATABASE leerplicht SET from_collapse_limit = 6"
"${as_pg[@]}" "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$T/pg-replica" -R -X stream -c fast
"${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$T/pg-replica" -l "$T/pg-replica.log" -w start -o "-p $REPLICA_PORT $PG_OPTS" >/dev/null
export REPLICA_START_CMD="$AS_PG $PG_BIN/pg_ctl -D $T/pg-replica -l $T/pg-replica.log -w start -o '-p $REPLICA_PORT $PG_OPTS'"
export REPLICA_STOP_CMD="$AS_PG $PG_BIN/pg_ctl -D $T/pg-replica -m fast -w stop"

echo "== PgBouncer (transaction mode)"
cat >"$T/pgbouncer.ini" <<EOF
[databases]
leerplicht = host=127.0.0.1 port=$PRIMARY_PORT dbname=leerplicht
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $BOUNCER_PORT
unix_socket_dir =
auth_type = trust
auth_file = $T/userlist.txt
pool_mode = transaction
max_client_conn = 400
default_pool_size = 20
ignore_startup_parameters = extra_float_digits,options
logfile = $T/pgbouncer.log
pidfile = $T/pgbouncer.pid
EOF
echo '"postgres" ""' >"$T/userlist.txt"
chown postgres: "$T/pgbouncer.ini" "$T/userlist.txt" 2>/dev/null || true
"${as_pg[@]}" pgbouncer -d "$T/pgbouncer.ini"

echo "== Redis and the S3 server"
export REDIS_START_CMD="redis-server --port $REDIS_PORT --bind 127.0.0.1 --save '' --appendonly no --daemonize yes --pidfile $T/redis.pid --logfile $T/redis.log --dir $T"
eval "$REDIS_START_CMD"
setsid .venv/bin/moto_server -H 127.0.0.1 -p "$S3_PORT" >"$T/s3.log" 2>&1 &
echo $! >"$T/s3.pid"

# The environment of every application process.
export DJANGO_SETTINGS_MODULE=bench.cluster_settings
export SECRET_KEY=topology-drill-secret-key-not-for-production-use
# Behind a transaction pooler a server-side cursor (QuerySet.iterator()) can outlive the
# transaction that holds its server connection: Django's switch, read from the URL, turns them off.
export DATABASE_URL="postgres://postgres@127.0.0.1:$BOUNCER_PORT/leerplicht?disable_server_side_cursors=true"
export DATABASE_SERVER_SIDE_BINDING=false
export DATABASE_DIRECT_URL="postgres://postgres@127.0.0.1:$PRIMARY_PORT/leerplicht"
export DATABASE_REPLICA_URL="postgres://postgres@127.0.0.1:$REPLICA_PORT/leerplicht?connect_timeout=3"
export REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0"
export DOCUMENTS_S3_BUCKET=leerplicht-documenten
export DOCUMENTS_S3_ENDPOINT_URL="http://127.0.0.1:$S3_PORT"
export DOCUMENTS_S3_REGION=eu-west-1
export DOCUMENTS_S3_ACCESS_KEY_ID=drill
export DOCUMENTS_S3_SECRET_ACCESS_KEY=drill-secret
export AWS_ACCESS_KEY_ID=drill AWS_SECRET_ACCESS_KEY=drill-secret AWS_DEFAULT_REGION=eu-west-1
# A worker killed with SIGKILL gets its task back after this many seconds (default 900).
export CELERY_VISIBILITY_TIMEOUT=${CELERY_VISIBILITY_TIMEOUT:-30}
export LB_URL="http://127.0.0.1:$LB_PORT"
for _ in $(seq 50); do
  .venv/bin/python -c "import boto3; boto3.client('s3', endpoint_url='$DOCUMENTS_S3_ENDPOINT_URL', region_name='eu-west-1').create_bucket(Bucket='$DOCUMENTS_S3_BUCKET', CreateBucketConfiguration={'LocationConstraint': 'eu-west-1'})" 2>/dev/null && break
  sleep 0.3
done

echo "== migrate (directly on the primary, not through PgBouncer)"
DATABASE_URL=$DATABASE_DIRECT_URL DATABASE_REPLICA_URL='' .venv/bin/python manage.py migrate -v0

export APP1_START_CMD="setsid .venv/bin/gunicorn -c config/gunicorn.py --workers 2 --bind 127.0.0.1:$APP1_PORT --pid $T/app1.pid --log-level warning --error-logfile $T/app1.log --daemon config.wsgi"
export APP2_START_CMD="setsid .venv/bin/gunicorn -c config/gunicorn.py --workers 2 --bind 127.0.0.1:$APP2_PORT --pid $T/app2.pid --log-level warning --error-logfile $T/app2.log --daemon config.wsgi"
export WORKER_START_CMD="setsid .venv/bin/celery -A config worker --concurrency 2 --loglevel WARNING --logfile $T/worker.log --pidfile $T/worker.pid --detach"
echo "== gunicorn x2, Celery worker and beat"
eval "$APP1_START_CMD"
eval "$APP2_START_CMD"
eval "$WORKER_START_CMD"
setsid .venv/bin/celery -A config beat --loglevel WARNING --logfile "$T/beat.log" --pidfile "$T/beat.pid" \
  --schedule "$T/beat-schedule" --detach

echo "== HAProxy"
cat >"$T/haproxy.cfg" <<EOF
global
  maxconn 1000
  pidfile $T/haproxy.pid
defaults
  mode http
  timeout connect 2s
  timeout client 120s
  timeout server 120s
  retries 3
  option redispatch 1  # every retry of a refused connection goes to another server
  option http-server-close
frontend web
  bind 127.0.0.1:$LB_PORT
  default_backend app
backend app
  balance roundrobin
  option httpchk GET /gezondheid/
  http-check send hdr Host 127.0.0.1
  http-check expect status 200
  # A check waits behind the requests a busy sync worker has in hand: give it 5 s, not inter.
  timeout check 5s
  # At most as many requests per server as it has workers; the rest waits in HAProxy's queue, so a
  # health check waits for one request at most and a busy server is not taken for a dead one.
  timeout queue 60s
  default-server inter 2s fastinter 1s downinter 1s fall 2 rise 2 maxconn 2
  server app1 127.0.0.1:$APP1_PORT check
  server app2 127.0.0.1:$APP2_PORT check
listen stats
  bind 127.0.0.1:$STATS_PORT
  stats enable
  stats uri /
EOF
haproxy -D -f "$T/haproxy.cfg"
for _ in $(seq 300); do  # a loaded machine takes a minute or more to load the app
  curl -fs -m 5 "$LB_URL/gezondheid/" >/dev/null && break
  sleep 1
done
curl -fs "$LB_URL/gezondheid/" >/dev/null || { echo "De app-servers antwoorden niet; zie $T/app1.log" >&2; exit 1; }

cat <<EOF

Topologie draait (map $T):
  applicatie (HAProxy)   $LB_URL/
  HAProxy-statistiek     http://127.0.0.1:$STATS_PORT/
  app-servers            http://127.0.0.1:$APP1_PORT/  http://127.0.0.1:$APP2_PORT/
  PgBouncer              postgres://postgres@127.0.0.1:$BOUNCER_PORT/leerplicht
  PostgreSQL primair     $DATABASE_DIRECT_URL
  PostgreSQL replica     postgres://postgres@127.0.0.1:$REPLICA_PORT/leerplicht
  Redis                  $REDIS_URL
  S3 (moto)              $DOCUMENTS_S3_ENDPOINT_URL  bucket $DOCUMENTS_S3_BUCKET
EOF

# The environment of the drills, for running bench/drills.py again by hand against this topology.
export -p | grep -E ' (CLUSTER_DIR|PG_BIN|AS_PG|[A-Z0-9]+_PORT|[A-Z0-9_]+_CMD|DJANGO_SETTINGS_MODULE|SECRET_KEY|DATABASE_[A-Z_]+|REDIS_URL|DOCUMENTS_S3_[A-Z_]+|AWS_[A-Z_]+|CELERY_VISIBILITY_TIMEOUT|LB_URL)=' >"$T/env.sh"
if [ "$MODE" = up ]; then
  echo "Omgeving voor bench/drills.py: source $T/env.sh"
  echo "Ctrl-C stopt alles."
  while true; do sleep 3600 & wait $!; done  # wait: a signal ends it at once, and the trap stops all
fi
.venv/bin/python bench/drills.py --meldingen "$MELDINGEN" --drills "$DRILLS"
exit
}

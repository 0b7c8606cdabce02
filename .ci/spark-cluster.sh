#!/usr/bin/env bash
# A one-machine standalone Spark cluster on loopback: a master and one worker, started with
# spark-class from the venv's PySpark and the machine's Java. Used by CI and tests/engine/test_spark.py.
#
#   .ci/spark-cluster.sh java              make sure Java is there (installs Debian's JRE 17 if not)
#   .ci/spark-cluster.sh start DIR [CORES] [MEMORY]
#                                          start master + worker; prints the master URL (also in DIR/master-url)
#   .ci/spark-cluster.sh stop DIR          stop what start DIR started (by the pids it recorded)
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-.venv/bin/python}"

ensure_java() {
  if ! command -v java >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless >/dev/null
  fi
}

spark_home() {
  "$PY" -c 'import os, pyspark; print(os.path.dirname(pyspark.__file__))'
}

free_port() {
  "$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

wait_for() {  # wait_for FILE PATTERN SECONDS
  for _ in $(seq 1 $(( $3 * 2 ))); do
    grep -q "$2" "$1" 2>/dev/null && return 0
    sleep 0.5
  done
  echo "spark-cluster: no '$2' in $1 after $3 s" >&2
  tail -20 "$1" >&2 || true
  return 1
}

case "${1:-}" in
  java)
    ensure_java
    java -version 2>&1 | head -1
    ;;
  start)
    dir="$(mkdir -p "${2:?DIR}" && cd "$2" && pwd)"
    cores="${3:-2}"
    memory="${4:-2g}"
    ensure_java
    home="$(spark_home)"
    port="$(free_port)"
    # small daemons: the master and worker JVMs only schedule; executors get their own heap
    export SPARK_HOME="$home" SPARK_LOCAL_IP=127.0.0.1 SPARK_DAEMON_MEMORY=256m
    export SPARK_LOG_DIR="$dir" SPARK_WORKER_DIR="$dir/work" SPARK_NO_DAEMONIZE=1
    nohup "$home/bin/spark-class" org.apache.spark.deploy.master.Master \
      --host 127.0.0.1 --port "$port" --webui-port 0 >"$dir/master.log" 2>&1 &
    echo $! >"$dir/master.pid"
    wait_for "$dir/master.log" "I have been elected leader" 60
    nohup "$home/bin/spark-class" org.apache.spark.deploy.worker.Worker \
      --host 127.0.0.1 --cores "$cores" --memory "$memory" --webui-port 0 --work-dir "$dir/work" \
      "spark://127.0.0.1:$port" >"$dir/worker.log" 2>&1 &
    echo $! >"$dir/worker.pid"
    wait_for "$dir/worker.log" "Successfully registered with master" 60
    echo "spark://127.0.0.1:$port" | tee "$dir/master-url"
    ;;
  stop)
    dir="${2:?DIR}"
    for role in worker master; do
      if [ -f "$dir/$role.pid" ]; then
        pid="$(cat "$dir/$role.pid")"
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
        kill -9 "$pid" 2>/dev/null || true
        rm -f "$dir/$role.pid"
      fi
    done
    ;;
  *)
    sed -n '2,9p' "$0" >&2
    exit 2
    ;;
esac

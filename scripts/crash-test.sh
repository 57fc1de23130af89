#!/usr/bin/env bash
# Crash test (issue 3, "Done means"): push readings over HTTP while Vigil runs, kill the JVM with SIGKILL
# mid-stream, restart on the same data directory, and prove that every reading that was acknowledged (202) is
# stored exactly once. Needs the packaged jar (mvn -DskipTests package), a JDK, curl and python3.
# Usage: scripts/crash-test.sh [seconds-before-kill]   (exit 0 = passed)
set -euo pipefail
trap '[ -n "${PID:-}" ] && kill "$PID" 2>/dev/null || true' EXIT
cd "$(dirname "$0")/.."
JAR=vigil-server/target/vigil.jar
KILL_AFTER=${1:-8}
DATA=$(mktemp -d /tmp/vigil-crash-XXXXXX)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE=http://127.0.0.1:$PORT
LOG=$DATA/vigil.log
[ -f "$JAR" ] || { echo "missing $JAR: run mvn -DskipTests package first" >&2; exit 2; }

start() {
  java -Xmx1g -jar "$JAR" --vigil.data-dir="$DATA" --server.port="$PORT" \
    --vigil.organisation.admin-username=admin --vigil.organisation.admin-password=admin-password \
    --vigil.ingest.mqtt.port=0 --vigil.ingest.hj212.port=0 >>"$LOG" 2>&1 &
  PID=$!
  for _ in $(seq 1 120); do
    curl -sf "$BASE/actuator/health" 2>/dev/null | grep -q UP && return 0
    kill -0 "$PID" 2>/dev/null || { echo "Vigil exited during start; see $LOG" >&2; exit 1; }
    sleep 1
  done
  echo "Vigil did not become healthy; see $LOG" >&2; exit 1
}

start
echo "Vigil up on $BASE (pid $PID, data $DATA)"
python3 - "$BASE" "$DATA" "$KILL_AFTER" "$PID" <<'PY'
import json, os, signal, sys, threading, time, urllib.request, urllib.error
base, data, kill_after, pid = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4])

def call(method, path, body=None, headers={}):
    req = urllib.request.Request(base + path, method=method, data=None if body is None else json.dumps(body).encode(),
                                 headers={"Content-Type": "application/json", **headers})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, json.loads(r.read() or b"null")
    except urllib.error.HTTPError as e:
        return e.code, None

for _ in range(60):  # the first administrator is created just after the health check turns UP
    status, login = call("POST", "/api/v1/auth/login", {"username": "admin", "password": "admin-password"})
    if status == 200:
        break
    time.sleep(1)
admin = {"Authorization": "Bearer " + login["token"]}
assert call("POST", "/api/v1/organisations", {"code": "crash-region", "name": "Crash region", "kind": "region"}, admin)[0] == 201
assert call("POST", "/api/v1/organisations", {"code": "crash-plant", "name": "Crash plant", "kind": "enterprise",
            "parent": "crash-region", "industries": ["gas"]}, admin)[0] == 201
status, key = call("POST", "/api/v1/enterprises/crash-plant/api-keys", {"name": "crash"}, admin)
sensors = ["crash-gas-%d" % i for i in range(32)]
for code in sensors:
    s, body = call("POST", "/api/v1/sensors", {"code": code, "name": code, "type": "combustible_gas",
                   "enterprise": "crash-plant", "unit": "%LEL", "intervalSeconds": 1}, admin)
    assert s == 201, (s, body)
json.dump({"key": key["secret"], "sensors": sensors}, open(os.path.join(data, "setup.json"), "w"))

acked = open(os.path.join(data, "acked.jsonl"), "w")
lock = threading.Lock()
stop = threading.Event()
start_ms = int(time.time() * 1000) - 3_600_000  # an hour ago onwards, one reading per ms per worker slot
counts = {"acked": 0, "failed": 0}

def worker(n):
    seq = 0
    while not stop.is_set():
        batch = []
        for _ in range(500):
            ms = start_ms + seq * 8 + n  # disjoint timestamps per worker
            seq += 1
            ts = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(ms / 1000)) + ".%03dZ" % (ms % 1000)
            batch.append({"sensor": sensors[seq % len(sensors)], "ts": ts, "value": seq % 100, "flag": "N"})
        try:
            status, body = call("POST", "/api/v1/readings", {"readings": batch}, {"X-Api-Key": key["secret"]})
        except Exception:
            status, body = None, None
        if status == 202 and body["accepted"] == len(batch):
            with lock:
                for r in batch:
                    acked.write(json.dumps([r["sensor"], r["ts"]]) + "\n")
                acked.flush()
                counts["acked"] += len(batch)
        else:
            counts["failed"] += 1
            if status is None:
                return  # the server is gone

threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
for t in threads: t.start()
time.sleep(kill_after)
os.kill(pid, signal.SIGKILL)
print("SIGKILL sent after %.0f s with %d readings acknowledged" % (kill_after, counts["acked"]))
stop.set()
for t in threads: t.join()
acked.close()
PY
wait "$PID" 2>/dev/null || true
echo "Restarting on the same data directory"
start
RESULT=0
python3 - "$BASE" "$DATA" <<'PY' || RESULT=$?
import json, os, sys, urllib.request, urllib.parse, collections
base, data = sys.argv[1], sys.argv[2]
setup = json.load(open(os.path.join(data, "setup.json")))
acked = collections.defaultdict(set)
for line in open(os.path.join(data, "acked.jsonl")):
    sensor, ts = json.loads(line)
    acked[sensor].add(ts)
req = urllib.request.Request(base + "/api/v1/auth/login", data=json.dumps({"username": "admin", "password": "admin-password"}).encode(),
                             headers={"Content-Type": "application/json"})
token = json.load(urllib.request.urlopen(req))["token"]
missing = duplicates = stored_total = acked_total = 0
from datetime import datetime, timezone
def norm(ts):
    return datetime.fromisoformat(ts.replace("Z", "+00:00")).astimezone(timezone.utc)
for sensor in setup["sensors"]:
    q = urllib.parse.urlencode({"from": "2000-01-01T00:00:00Z", "to": "2100-01-01T00:00:00Z", "limit": 100000})
    r = urllib.request.Request(base + "/api/v1/sensors/%s/readings?%s" % (sensor, q), headers={"Authorization": "Bearer " + token})
    items = json.load(urllib.request.urlopen(r))["items"]
    stored = collections.Counter(norm(i["ts"]) for i in items)
    stored_total += len(items)
    assert len(items) < 100000, "raise the sensor count: the query limit was reached"
    duplicates += sum(c - 1 for c in stored.values() if c > 1)
    want = {norm(t) for t in acked[sensor]}
    acked_total += len(want)
    missing += len(want - set(stored))
print("acknowledged %d, stored %d (unacknowledged extras allowed), missing %d, duplicates %d"
      % (acked_total, stored_total, missing, duplicates))
sys.exit(0 if acked_total > 0 and missing == 0 and duplicates == 0 else 1)
PY
kill "$PID" 2>/dev/null; wait "$PID" 2>/dev/null || true
[ $RESULT -eq 0 ] && echo "CRASH TEST PASSED" && rm -rf "$DATA" || echo "CRASH TEST FAILED (data kept in $DATA)"
exit $RESULT

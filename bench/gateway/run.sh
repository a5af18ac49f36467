#!/usr/bin/env bash
# Gateway overhead, measured side by side in one run: the same authenticated GET (/api/v1/auth/me) sent
#   1. directly to Identity,
#   2. through our YARP gateway (JWT validation + Redis rate limiter on),
#   3. through nginx configured as a plain reverse proxy in front of the same Identity,
# with wrk at 64 connections (throughput, p50/p99) and at 1 connection (latency). The three targets are
# measured back to back in each round; ratios and added latency are computed within a round (paired, so
# the machine's drift between rounds cancels out) and the medians over the rounds are reported in
# bench/results/gateway-<date>.md.
# Usage: bench/gateway/run.sh [duration-seconds, default 10] [rounds, default 5]
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
duration=${1:-10}
rounds=${2:-5}
work="$root/.data/bench-gateway"
rm -rf "$work"; mkdir -p "$work"

bash scripts/prereqs.sh
dotnet build AppHost -c Release -nologo -v q -clp:ErrorsOnly
dotnet build services/Identity -c Release -nologo -v q -clp:ErrorsOnly
dotnet build Gateway -c Release -nologo -v q -clp:ErrorsOnly

admin_password="Bench-Admin-$(date +%s)-Pw!"
export IACP_ADMIN_PASSWORD="$admin_password"
# The limiter stays on (every request runs the Redis script); only the per-user budget is raised so the
# load itself is not throttled into cheap 429s.
export Gateway__RateLimits__Authenticated=1000000000
export Gateway__RateLimits__Anonymous=1000000000
export Logging__LogLevel__Default=Warning
export ASPNETCORE_ENVIRONMENT=Production
export AppHost__DataDirectory="$work/data"
export AppHost__DashboardUrl=http://localhost:18890

dotnet AppHost/bin/Release/net10.0/IacPlatform.AppHost.dll run --no-build --configuration Release \
  >"$work/apphost.log" 2>&1 &
apphost=$!
nginx_started=""
cleanup() {
  [ -n "$nginx_started" ] && nginx -c "$work/nginx.conf" -s stop 2>/dev/null || true
  kill -TERM "$apphost" 2>/dev/null || true
  wait "$apphost" 2>/dev/null || true
}
trap cleanup EXIT

deadline=$((SECONDS + 300))
until curl -fsS http://127.0.0.1:18890/api/resources >"$work/resources.json" 2>/dev/null \
      && grep -q '"gateway"' "$work/resources.json" \
      && curl -fsS http://127.0.0.1:8080/health/ready >/dev/null 2>&1; do
  if ! kill -0 "$apphost" 2>/dev/null || [ $SECONDS -ge $deadline ]; then
    echo "fleet did not start" >&2; tail -50 "$work/apphost.log" >&2; exit 1
  fi
  sleep 1
done
identity=$(python3 -c "
import json,sys
for r in json.load(open('$work/resources.json')):
    if r['name']=='identity': print(r['endpoints'][0]); break")
identity=${identity%/}
gateway=http://127.0.0.1:8080

token=$(curl -fsS -H 'Content-Type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"$admin_password\"}" "$gateway/api/v1/auth/login" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')

nginx_port=18081
sed -e "s|__DIR__|$work|g" -e "s|__UPSTREAM__|${identity#http://}|" -e "s|__PORT__|$nginx_port|" \
  bench/gateway/nginx.conf.template >"$work/nginx.conf"
nginx -c "$work/nginx.conf"
nginx_started=1

declare -A url=([direct]="$identity" [gateway]="$gateway" [nginx]="http://127.0.0.1:$nginx_port")
for target in direct gateway nginx; do
  wrk -t1 -c4 -d3s "${url[$target]}/.well-known/openid-configuration" >/dev/null
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "${url[$target]}/api/v1/auth/me")
  [ "$code" = 200 ] || { echo "$target answered $code" >&2; exit 1; }
  # warm-up
  wrk -t2 -c16 -d8s -H "Authorization: Bearer $token" "${url[$target]}/api/v1/auth/me" >/dev/null
done

run_wrk() { # target connections threads [path] -> "rps p50_ms p99_ms non2xx"
  local out
  out=$(wrk -t"$3" -c"$2" -d"${duration}s" --latency -H "Authorization: Bearer $token" "${url[$1]}${4:-/api/v1/auth/me}")
  echo "$out" >>"$work/wrk-raw.log"
  python3 - "$out" <<'PY'
import re,sys
out=sys.argv[1]
def ms(v):
    n=float(re.match(r'[\d.]+',v).group()); u=v[len(re.match(r'[\d.]+',v).group()):]
    return n*{'us':0.001,'ms':1,'s':1000}[u]
rps=float(re.search(r'Requests/sec:\s+([\d.]+)',out).group(1))
p50=ms(re.search(r'^\s+50%\s+(\S+)',out,re.M).group(1)); p99=ms(re.search(r'^\s+99%\s+(\S+)',out,re.M).group(1))
m=re.search(r'Non-2xx or 3xx responses:\s+(\d+)',out)
print(f"{rps:.0f} {p50:.3f} {p99:.3f} {m.group(1) if m else 0}")
PY
}

results="$work/results.txt"; : >"$results"
for round in $(seq 1 "$rounds"); do
  for target in direct gateway nginx; do
    echo "c64 $target $(run_wrk "$target" 64 2) $round" >>"$results"
    echo "c1 $target $(run_wrk "$target" 1 1) $round" >>"$results"
    # The same bearer on a cheap anonymous endpoint (no database behind it): the hop's own cost.
    echo "cheap $target $(run_wrk "$target" 1 1 /.well-known/openid-configuration) $round" >>"$results"
  done
done

date_tag=$(date -u +%Y-%m-%d)
report="$root/bench/results/gateway-$date_tag.md"
python3 - "$results" "$duration" "$rounds" >"$report" <<'PY'
import statistics,sys
rows=[l.split() for l in open(sys.argv[1])]
val={(r[0],r[1],r[6]):r for r in rows}
rounds=sorted({r[6] for r in rows},key=int)
med=lambda mode,t,i: statistics.median(float(r[i]) for r in rows if r[0]==mode and r[1]==t)
paired=lambda f: statistics.median(f(k) for k in rounds)
bad=sum(int(r[5]) for r in rows)
print(f"# Gateway overhead: GET /api/v1/auth/me with a bearer JWT, {sys.argv[2]} s per wrk run, {sys.argv[3]} rounds\n")
print("Medians over the rounds. Each round runs direct, gateway and nginx back to back.\n")
print("| target | rps @64 | p50 @64 (ms) | p99 @64 (ms) | rps @1 | p50 @1 (ms) | p99 @1 (ms) |")
print("|---|---|---|---|---|---|---|")
for t in ("direct","gateway","nginx"):
    print(f"| {t} | {med('c64',t,2):.0f} | {med('c64',t,3):.2f} | {med('c64',t,4):.2f} | {med('c1',t,2):.0f} | {med('c1',t,3):.3f} | {med('c1',t,4):.3f} |")
rps=lambda k,t: float(val[('c64',t,k)][2])
p50=lambda k,t: float(val[('c1',t,k)][3])
print("\nPaired within each round, median over rounds:\n")
print(f"- gateway / nginx throughput at 64 connections: **{paired(lambda k: rps(k,'gateway')/rps(k,'nginx')):.2f}x** (target >= 0.6x)")
print(f"- gateway / direct throughput at 64 connections: {paired(lambda k: rps(k,'gateway')/rps(k,'direct')):.2f}x; nginx / direct: {paired(lambda k: rps(k,'nginx')/rps(k,'direct')):.2f}x")
print(f"- p50 added at 1 connection: gateway **{paired(lambda k: p50(k,'gateway')-p50(k,'direct')):.3f} ms** (target <= 0.2 ms); nginx {paired(lambda k: p50(k,'nginx')-p50(k,'direct')):.3f} ms")
cheap=lambda k,t: float(val[('cheap',t,k)][3])
print(f"- p50 added at 1 connection on a cheap endpoint (GET /.well-known/openid-configuration, same bearer, no database): gateway **{paired(lambda k: cheap(k,'gateway')-cheap(k,'direct')):.3f} ms**; nginx {paired(lambda k: cheap(k,'nginx')-cheap(k,'direct')):.3f} ms (direct p50 {med('cheap','direct',3):.3f} ms)")
print(f"- non-2xx responses during the runs: {bad}")
print("\nPer round (rps @64 direct/gateway/nginx; p50 @1 ms direct/gateway/nginx):\n")
for k in rounds:
    print(f"- round {k}: {rps(k,'direct'):.0f} / {rps(k,'gateway'):.0f} / {rps(k,'nginx'):.0f}; {p50(k,'direct'):.3f} / {p50(k,'gateway'):.3f} / {p50(k,'nginx'):.3f}")
PY
cat "$report"

#!/usr/bin/env bash
# Runs every test on real PostgreSQL, RabbitMQ and Redis: installs what is missing, builds, starts the
# servers once for the whole run (AppHost `infra start`), runs `dotnet test` over the solution, stops the
# servers, and ends with one line `N passed, N failed`.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

bash scripts/prereqs.sh
dotnet restore IacPlatform.sln -nologo -v q
dotnet build IacPlatform.sln -c Debug --no-restore -nologo -v q -clp:ErrorsOnly

infra="$root/.data/test-infra"
apphost="$root/AppHost/bin/Debug/net10.0/IacPlatform.AppHost.dll"
rm -rf "$infra"
mkdir -p "$infra"
dotnet "$apphost" infra start --dir "$infra" >"$infra/infra.log" 2>&1 &
infra_pid=$!
stop_infra() {
  dotnet "$apphost" infra stop --dir "$infra" >/dev/null 2>&1 || kill "$infra_pid" 2>/dev/null || true
  wait "$infra_pid" 2>/dev/null || true
}
trap stop_infra EXIT

deadline=$((SECONDS + 240))
until [ -f "$infra/infra.env" ]; do
  if ! kill -0 "$infra_pid" 2>/dev/null || [ $SECONDS -ge $deadline ]; then
    echo "test infrastructure did not start:" >&2
    cat "$infra/infra.log" >&2
    exit 1
  fi
  sleep 0.5
done
# shellcheck disable=SC1091
source "$infra/infra.env"

log="$infra/test-output.log"
set +e
dotnet test IacPlatform.sln --no-build -nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One summary line over every test assembly (VSTest prints one "Passed!/Failed!" line per assembly).
awk '
  /(Passed!|Failed!) +- +Failed: +[0-9]+, +Passed: +[0-9]+/ {
    line = $0
    sub(/.*Failed: +/, "", line); split(line, f, ","); failed += f[1]
    line = $0
    sub(/.*Passed: +/, "", line); split(line, p, ","); passed += p[1]
    line = $0
    sub(/.*Skipped: +/, "", line); split(line, s, ","); skipped += s[1]
    assemblies++
  }
  END {
    if (assemblies == 0) { failed += 1 }
    printf "%d passed, %d failed, %d skipped\n", passed, failed, skipped
  }' "$log" > "$infra/summary.txt"

stop_infra
trap - EXIT
if [ "$status" -eq 0 ] && grep -q "^0 passed" "$infra/summary.txt"; then
  status=1
fi
cat "$infra/summary.txt"
exit "$status"

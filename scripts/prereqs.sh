#!/usr/bin/env bash
# Installs what a fresh Debian 12 machine of this kind lacks: the servers the platform and its tests run
# on (PostgreSQL, RabbitMQ, Redis), WireGuard tools, and the benchmark tools. Idempotent and quiet.
set -euo pipefail

need=()
command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
[ -x /usr/sbin/rabbitmq-server ] || need+=(rabbitmq-server)
command -v wg >/dev/null 2>&1 || need+=(wireguard-tools)
command -v wireguard-go >/dev/null 2>&1 || need+=(wireguard-go)
command -v wrk >/dev/null 2>&1 || need+=(wrk)
command -v nginx >/dev/null 2>&1 || need+=(nginx)
command -v kubectl >/dev/null 2>&1 || need+=(kubernetes-client)
# The State service's run tests use a stand-in Terraform that uploads state with curl. Terraform/OpenTofu
# themselves are not in Debian's archive: tests that need the real CLI skip when it is not on the PATH.
command -v curl >/dev/null 2>&1 || need+=(curl)

if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  # Debian's maintainer scripts would start system-wide servers; the platform runs its own.
  printf '#!/bin/sh\nexit 101\n' | $sudo_cmd tee /usr/sbin/policy-rc.d >/dev/null
  $sudo_cmd chmod +x /usr/sbin/policy-rc.d
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  $sudo_cmd rm -f /usr/sbin/policy-rc.d
fi

# dotnet-ef and other local tools pinned in dotnet-tools.json
if [ -f dotnet-tools.json ]; then
  dotnet tool restore >/dev/null
fi

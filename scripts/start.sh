#!/usr/bin/env bash
# Starts the whole platform on this machine: installs missing Debian packages, then the AppHost builds the
# services, provisions PostgreSQL/RabbitMQ/Redis under .data/, and runs the fleet until Ctrl+C.
# Extra arguments go to the AppHost (e.g. --no-build).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/prereqs.sh
exec dotnet run --project AppHost -- run "$@"

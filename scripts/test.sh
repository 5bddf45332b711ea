#!/usr/bin/env bash
# The test command: installs what the tests need, starts Azurite on loopback, builds and runs every test project
# that can be restored here, stops Azurite, and exits non-zero on any failure. Nothing is skipped silently.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
configuration="${CONFIGURATION:-Release}"
results="$root/artifacts/test-results"
rm -rf "$results" && mkdir -p "$results"

say() { printf '==> %s\n' "$*"; }

# 1. Tools from npm, pinned by package-lock.json.
if [ ! -x node_modules/.bin/azurite ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "Installing Azurite (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi

# 2. Azurite on free loopback ports, with its data in a temporary folder.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
blob_port=$(free_port); queue_port=$(free_port); table_port=$(free_port)
azurite_dir="$(mktemp -d)"
node_modules/.bin/azurite --silent --skipApiVersionCheck --loose --location "$azurite_dir" \
  --blobHost 127.0.0.1 --blobPort "$blob_port" --queueHost 127.0.0.1 --queuePort "$queue_port" \
  --tableHost 127.0.0.1 --tablePort "$table_port" >"$azurite_dir/azurite.log" 2>&1 &
azurite_pid=$!
cleanup() {
  # Azurite may take its time to shut down gracefully; give it 5 s, then stop it hard.
  kill "$azurite_pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$azurite_pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$azurite_pid" 2>/dev/null || true
  wait "$azurite_pid" 2>/dev/null || true
  rm -rf "$azurite_dir"
}
trap cleanup EXIT

for _ in $(seq 1 300); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$table_port") 2>/dev/null; then break; fi
  if ! kill -0 "$azurite_pid" 2>/dev/null; then cat "$azurite_dir/azurite.log"; echo "Azurite exited before listening" >&2; exit 1; fi
  sleep 0.1
done
(exec 3<>"/dev/tcp/127.0.0.1/$table_port") 2>/dev/null || { echo "Azurite did not listen on $table_port within 30 s" >&2; exit 1; }
key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
export SMARTRETRY_TEST_STORAGE="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$blob_port/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue_port/devstoreaccount1;TableEndpoint=http://127.0.0.1:$table_port/devstoreaccount1;"
say "Azurite listening on 127.0.0.1 (blob $blob_port, queue $queue_port, table $table_port)"

# 3. Can the Azure Functions packages be restored from the configured NuGet source?
functions_projects=(src/SmartRetry.Functions/SmartRetry.Functions.csproj tests/SmartRetry.Functions.Tests/SmartRetry.Functions.Tests.csproj)
functions_restore_log="$results/functions-restore.log"
build_target="SmartRetry.Core.slnf"
functions_skipped=""
if dotnet restore "${functions_projects[1]}" >"$functions_restore_log" 2>&1; then
  build_target="SmartRetry.Functions.sln"
  say "Azure Functions packages restored: the Functions projects are built and tested too"
else
  missing=$(grep -oE "NU110[12]: Unable to find package [A-Za-z0-9.]*[A-Za-z0-9]" "$functions_restore_log" | awk '{print $NF}' | sort -u | paste -sd, - || true)
  if [ -z "$missing" ]; then
    cat "$functions_restore_log" >&2
    echo "Restoring the Functions projects failed for a reason other than missing packages (log above)." >&2
    exit 1
  fi
  functions_skipped="SKIPPED: src/SmartRetry.Functions and tests/SmartRetry.Functions.Tests were not built or tested: the configured NuGet source lacks $missing (see $functions_restore_log)."
  echo "$functions_skipped"
fi

# 4. Build everything that restores, then run each test project.
say "Building $build_target ($configuration)"
dotnet build "$build_target" -c "$configuration" -nologo -clp:ErrorsOnly

test_projects=$(find tests -name '*.Tests.csproj' | sort)
failed_projects=()
for project in $test_projects; do
  name=$(basename "$project" .csproj)
  if [ -n "$functions_skipped" ] && [ "$name" = "SmartRetry.Functions.Tests" ]; then continue; fi
  say "Testing $name"
  if ! dotnet test "$project" -c "$configuration" --no-build -nologo \
      --logger "trx;LogFileName=$name.trx" --results-directory "$results" -- RunConfiguration.TreatNoTestsAsError=false; then
    failed_projects+=("$name")
  fi
done

[ -z "$functions_skipped" ] || echo "$functions_skipped"
[ ${#failed_projects[@]} -eq 0 ] || echo "FAILED: ${failed_projects[*]}" >&2

# 5. One closing line with the totals over every TRX file.
python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    passed += int(c.get("passed", 0)); failed += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0))
    skipped += int(c.get("notExecuted", 0))
print(f"Tests: {passed} passed, {failed} failed, {skipped} skipped")
PY

if [ ${#failed_projects[@]} -gt 0 ]; then
  exit 1
fi

#!/usr/bin/env bash
# The local run command: Azurite, the SmartRetry simulator and the Azure Functions host, wired together.
#   bash scripts/run-local.sh                      everything; Ctrl+C stops it all
#   bash scripts/run-local.sh --without-functions  Azurite + simulator only (e.g. to run the Functions app from an IDE)
# Environment: SMARTRETRY_TIME_SCALE (accelerated time for both the app's recurring series and the simulator; default:
#                Payments__Recurring__TimeScale from local.settings.json, 86400 in the sample = a day per second; 1 = real time),
#              SMARTRETRY_SIMULATOR_TIME_FACTOR (the simulator's clock speed at start; default 1, real time, so SmartRetry's
#                calendar agrees with ours; the walkthrough speeds it up with PUT /_simulator/clock for a series),
#              FUNC_DOWNLOAD_TIMEOUT (seconds allowed to obtain Core Tools through npx; default 180).
# It never waits without a bound, prints no stack traces (service logs go to artifacts/run-local/), and stops
# everything it started when it exits. It runs on Linux and on macOS's own bash 3.2: without GNU setsid or timeout
# (stock macOS) it uses perl for the process group and its own bound for long steps.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

functions_dir="src/SmartRetry.Functions"
settings="$functions_dir/local.settings.json"
simulator_url="http://127.0.0.1:5080"
webhook_url="http://127.0.0.1:7071/api/webhooks/smartretry"
func_download_timeout="${FUNC_DOWNLOAD_TIMEOUT:-180}"
logs="$root/artifacts/run-local"
with_functions=1

for argument in "$@"; do
  case "$argument" in
    --without-functions) with_functions=0 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "Unknown option '$argument' (try --help)." >&2; exit 2 ;;
  esac
done

say() { printf '==> %s\n' "$*"; }
fail() { printf 'run-local: %s\n' "$*" >&2; exit 1; }
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

started_pids=()
last_pid() { echo "${started_pids[${#started_pids[@]}-1]}"; }
cleanup() {
  trap - EXIT INT TERM
  [ ${#started_pids[@]} -eq 0 ] && return
  for pid in "${started_pids[@]}"; do
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${started_pids[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  done
  say "Stopped what this script started"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Starts a command in its own process group (so cleanup stops its children too), output to a log file.
start_service() {
  local log="$1"; shift
  if command -v setsid >/dev/null; then
    setsid "$@" >"$log" 2>&1 < /dev/null &
  else
    perl -e 'setpgrp(0, 0); exec @ARGV or die "exec: $!"' "$@" >"$log" 2>&1 < /dev/null &
  fi
  started_pids+=("$!")
}

# Runs a command for at most $1 seconds (GNU timeout where there is one, else a watchdog); 124 when cut off.
bounded() {
  local seconds="$1"; shift
  if command -v timeout >/dev/null; then timeout "$seconds" "$@"; return; fi
  if command -v gtimeout >/dev/null; then gtimeout "$seconds" "$@"; return; fi
  "$@" & local pid=$!
  ( sleep "$seconds" && kill -TERM "$pid" 2>/dev/null ) & local watchdog=$!
  wait "$pid"; local status=$?
  kill "$watchdog" 2>/dev/null; wait "$watchdog" 2>/dev/null
  [ "$status" -eq 143 ] && return 124
  return "$status"
}

# Waits up to $2 seconds for port $1; fails naming the log if the service exits or never listens.
wait_for_port() {
  local port="$1" seconds="$2" name="$3" log="$4" pid="$(last_pid)"
  for _ in $(seq 1 $((seconds * 10))); do
    listening "$port" && return 0
    kill -0 "$pid" 2>/dev/null || fail "$name exited before listening on 127.0.0.1:$port; see $log"
    sleep 0.1
  done
  fail "$name did not listen on 127.0.0.1:$port within ${seconds}s; see $log"
}

command -v dotnet >/dev/null || fail "the .NET SDK 10 ('dotnet') is required: install it from https://dot.net and re-run."
command -v python3 >/dev/null || fail "python3 is required (it reads local.settings.json)."
mkdir -p "$logs"

# 1. Azure Functions Core Tools: decided first, so a missing tool stops the run before anything starts.
func_command=()
if [ "$with_functions" -eq 1 ]; then
  if command -v func >/dev/null; then
    func_command=(func)
  elif command -v npx >/dev/null; then
    say "Azure Functions Core Tools ('func') not found; trying npx azure-functions-core-tools@4 (up to ${func_download_timeout}s)"
    if bounded "$func_download_timeout" npx --yes azure-functions-core-tools@4 --version >"$logs/func-install.log" 2>&1; then
      func_command=(npx --yes azure-functions-core-tools@4)
    fi
  fi
  if [ ${#func_command[@]} -eq 0 ]; then
    fail "Azure Functions Core Tools v4 ('func') is required to run the Functions host and could not be obtained
  (npx log: $logs/func-install.log). Install it, then re-run this command:
    npm install --global azure-functions-core-tools@4    (or see https://learn.microsoft.com/azure/azure-functions/functions-run-local)
  To run only Azurite and the SmartRetry simulator: bash scripts/run-local.sh --without-functions"
  fi
fi

# 2. local.settings.json for the Functions host, from the committed template.
if [ ! -f "$settings" ]; then
  cp local.settings.sample.json "$settings"
  say "Created $settings from local.settings.sample.json"
fi
read_setting() {
  python3 - "$settings" "$1" <<'PY'
import json, sys
try:
    print(json.load(open(sys.argv[1]))["Values"][sys.argv[2]])
except (OSError, ValueError, KeyError) as error:
    sys.exit(f"cannot read {sys.argv[2]} from {sys.argv[1]}: {error!r}")
PY
}
api_key="$(read_setting SmartRetry__ApiKey)" || fail "$settings lacks SmartRetry__ApiKey"
terminal_id="$(read_setting SmartRetry__TerminalId)" || fail "$settings lacks SmartRetry__TerminalId"
webhook_secret="$(read_setting SmartRetry__WebhookSecret)" || fail "$settings lacks SmartRetry__WebhookSecret"
base_url="$(read_setting SmartRetry__BaseUrl)" || fail "$settings lacks SmartRetry__BaseUrl"
[ "${base_url%/}" = "$simulator_url" ] || say "Note: $settings points SmartRetry__BaseUrl at $base_url, not at the simulator ($simulator_url)"

# Accelerated time: the app's series timers run at the time scale. The simulator starts in real time, so a sale can be
# watched step by step and SmartRetry's "today" is ours; for a series, speed it up to the same scale with
# PUT /_simulator/clock (docs/http-api.md, walkthrough). The Functions host takes the scale from the environment, which wins over
# local.settings.json.
time_scale="${SMARTRETRY_TIME_SCALE:-$(read_setting Payments__Recurring__TimeScale 2>/dev/null || echo 1)}"
[[ "$time_scale" =~ ^[1-9][0-9]{0,6}$ ]] && [ "$time_scale" -le 1000000 ] \
  || fail "the time scale must be a whole number from 1 to 1000000 (got '$time_scale' from SMARTRETRY_TIME_SCALE or Payments__Recurring__TimeScale)"
time_factor="${SMARTRETRY_SIMULATOR_TIME_FACTOR:-1}"
export Payments__Recurring__TimeScale="$time_scale"

# The reconciler's timer needs a schedule; a local.settings.json copied before it existed has none.
reconcile_schedule="$(read_setting Payments__Reconciliation__Schedule 2>/dev/null || echo '*/10 * * * * *')"
export Payments__Reconciliation__Schedule="${Payments__Reconciliation__Schedule:-$reconcile_schedule}"

# 3. Azurite: reuse one already listening, else start ours from node_modules.
if listening 10000 && listening 10001 && listening 10002; then
  say "Storage emulator already listening on 127.0.0.1:10000-10002; using it"
elif listening 10000 || listening 10001 || listening 10002; then
  fail "some of the Azurite ports 10000-10002 are taken by another program; free them and re-run"
else
  if [ ! -x node_modules/.bin/azurite ]; then
    command -v npm >/dev/null || fail "npm (Node.js 20+) is required to install Azurite: install Node.js and re-run."
    say "Installing Azurite (npm ci; a minute or two on a first run, log: $logs/npm-ci.log)"
    bounded 600 npm ci --no-audit --no-fund --loglevel=error >"$logs/npm-ci.log" 2>&1 || fail "npm ci failed; see $logs/npm-ci.log"
  fi
  mkdir -p .azurite
  start_service "$logs/azurite.log" node_modules/.bin/azurite --silent --skipApiVersionCheck --loose --location .azurite \
    --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1
  wait_for_port 10002 60 "Azurite" "$logs/azurite.log"
  say "Azurite listening on 127.0.0.1:10000-10002 (data in .azurite/)"
fi

# 4. The SmartRetry simulator, configured from local.settings.json (secrets through the environment, not argv).
listening 5080 && fail "127.0.0.1:5080 is already in use; stop whatever listens there (another simulator?) and re-run"
say "Building the SmartRetry simulator (a minute or two on a first run, log: $logs/simulator-build.log)"
bounded 600 dotnet build tests/SmartRetry.Simulator/SmartRetry.Simulator.csproj -nologo -v quiet >"$logs/simulator-build.log" 2>&1 \
  || fail "building the simulator failed; see $logs/simulator-build.log"
simulator_dll="tests/SmartRetry.Simulator/bin/Debug/net10.0/SmartRetry.Simulator.dll"
[ -f "$simulator_dll" ] || fail "the simulator build produced no $simulator_dll; see $logs/simulator-build.log"
Simulator__ApiKey="$api_key" Simulator__TerminalId="$terminal_id" Simulator__WebhookSecret="$webhook_secret" \
Simulator__WebhookUrl="$webhook_url" Simulator__TimeFactor="$time_factor" \
  start_service "$logs/simulator.log" dotnet "$simulator_dll" --urls "$simulator_url"
wait_for_port 5080 60 "The simulator" "$logs/simulator.log"
say "SmartRetry simulator on $simulator_url (terminal $terminal_id, time factor $time_factor), webhooks to $webhook_url"

# 5. The Functions host in the foreground; Ctrl+C stops it and then everything above.
if [ "$with_functions" -eq 0 ]; then
  say "Running without the Functions host; Ctrl+C stops Azurite (if started here) and the simulator"
  wait "$(last_pid)"
  fail "the simulator stopped; see $logs/simulator.log"
fi
say "Starting the Functions host in $functions_dir (${func_command[*]} start; recurring time scale $time_scale)"
(cd "$functions_dir" && "${func_command[@]}" start)
status=$?
[ "$status" -eq 0 ] || [ "$status" -eq 130 ] || fail "the Functions host exited with status $status"

#!/usr/bin/env bash
# azd postdeploy hook: restarts the app so it reads the Key Vault values postprovision may just have written, waits
# until /api/health answers 200 (bounded), and prints the webhook URL to register in the SmartRetry dashboard.
# It runs after deploy, not after provision: on a first `azd up` the app has no code before deploy, so no health.
set -euo pipefail

app="${FUNCTION_APP_NAME:?FUNCTION_APP_NAME is not set: run this through azd (azd deploy) or export it}"
group="${AZURE_RESOURCE_GROUP:?AZURE_RESOURCE_GROUP is not set}"
host="${FUNCTION_APP_HOST_NAME:?FUNCTION_APP_HOST_NAME is not set}"
timeout_seconds="${SMARTRETRY_HEALTH_TIMEOUT_SECONDS:-300}"
poll_seconds="${SMARTRETRY_HEALTH_POLL_SECONDS:-5}"

az functionapp restart --name "$app" --resource-group "$group" --output none
echo "Restarted $app; waiting up to ${timeout_seconds} s for https://$host/api/health ..."

deadline=$(( $(date +%s) + timeout_seconds ))
until [ "$(curl --silent --output /dev/null --max-time 10 --write-out '%{http_code}' "https://$host/api/health" || true)" = "200" ]; do
  if [ "$(date +%s)" -ge "$deadline" ]; then
    echo "https://$host/api/health did not answer 200 within ${timeout_seconds} s: see docs/deploy.md (\"When the app does not start\")." >&2
    exit 1
  fi
  sleep "$poll_seconds"
done

echo "The app is up. Register this webhook URL in the SmartRetry dashboard:"
echo "  ${SMARTRETRY_WEBHOOK_URL:-https://$host/api/webhooks/smartretry}"

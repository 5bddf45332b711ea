// Parameters for azd (which exports the environment's values as environment variables) and for
// `az deployment group create --parameters infra/main.bicepparam` with the same variables set.
using './main.bicep'

param environmentName = readEnvironmentVariable('AZURE_ENV_NAME')
param location = readEnvironmentVariable('AZURE_LOCATION')
param smartRetryBaseUrl = readEnvironmentVariable('SMARTRETRY_BASE_URL', 'https://api.smartretry.com')
param smartRetryTerminalId = readEnvironmentVariable('SMARTRETRY_TERMINAL_ID')
param sealingCurrentKeyId = readEnvironmentVariable('SMARTRETRY_SEALING_KEY_ID', 'k1')
param sealingRetiredKeyIds = filter(map(split(readEnvironmentVariable('SMARTRETRY_SEALING_RETIRED_KEY_IDS', ''), ','), keyId => trim(keyId)), keyId => !empty(keyId))
param smartRetryApiKey = readEnvironmentVariable('SMARTRETRY_API_KEY', '')
param smartRetryWebhookSecret = readEnvironmentVariable('SMARTRETRY_WEBHOOK_SECRET', '')
param sealingKey = readEnvironmentVariable('SMARTRETRY_SEALING_KEY', '')
param vaultOperatorPrincipalId = readEnvironmentVariable('AZURE_PRINCIPAL_ID', '')
param vaultOperatorPrincipalType = readEnvironmentVariable('AZURE_PRINCIPAL_TYPE', 'User')

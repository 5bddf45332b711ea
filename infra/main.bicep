// SmartRetry.Functions on Azure: a Function App on Flex Consumption running as a user-assigned managed identity, with
// keyless storage, Entra-only Application Insights and Key Vault-held secrets. Deploy with `azd up` or
// `az deployment group create` (docs/deploy.md).
targetScope = 'resourceGroup'

@description('Environment name (e.g. prod, staging); part of every resource name. azd passes AZURE_ENV_NAME.')
@minLength(1)
@maxLength(20)
param environmentName string

@description('Azure region of every resource (one that offers Flex Consumption).')
@minLength(1)
param location string = resourceGroup().location

@description('SmartRetry API base URL.')
param smartRetryBaseUrl string = 'https://api.smartretry.com'

@description('SmartRetry terminal id (6 characters, from the SmartRetry dashboard).')
@minLength(6)
@maxLength(6)
param smartRetryTerminalId string

@description('Durable Functions task hub (3-45 letters and digits, starting with a letter), unique per environment.')
@minLength(3)
@maxLength(45)
param taskHubName string = 'SmartRetry${uniqueString(resourceGroup().id, environmentName)}'

@description('Prefix of the ledger tables (letters and digits, starting with a letter).')
@minLength(1)
@maxLength(20)
param tableNamePrefix string = 'smartretry'

@description('Key id new card envelopes are sealed with (letters and digits: it is part of an app setting name and a secret name).')
@minLength(1)
@maxLength(32)
param sealingCurrentKeyId string

@description('Key ids retired by a rotation whose keys must stay readable until every envelope sealed with them is gone.')
param sealingRetiredKeyIds string[] = []

@description('Days finished workflow instances are kept before the purge timer removes them.')
@minValue(1)
@maxValue(3650)
param retentionDays int = 30

@description('SmartRetry API key, written to Key Vault when given. Empty: keep the secret already in the vault.')
@secure()
param smartRetryApiKey string = ''

@description('SmartRetry webhook signing secret, written to Key Vault when given. Empty: keep the secret already in the vault.')
@secure()
param smartRetryWebhookSecret string = ''

@description('Base64 32-byte AES-256 key for sealingCurrentKeyId, written to Key Vault when given. Empty: keep the secret already in the vault.')
@secure()
param sealingKey string = ''

@description('Base64 key (at least 32 bytes) of card fingerprints, written to Key Vault when given. Empty: keep the secret already in the vault.')
@secure()
param cardFingerprintKey string = ''

@description('Principal allowed to set secret values in the vault (Key Vault Secrets Officer); azd passes the signed-in principal. Empty: none.')
param vaultOperatorPrincipalId string = ''

@description('Type of vaultOperatorPrincipalId.')
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param vaultOperatorPrincipalType string = 'User'

@description('Storage redundancy.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSkuName string = 'Standard_ZRS'

@description('Most instances the app may scale out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Memory per instance, in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Days Log Analytics keeps data.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

var serviceName = 'api'
var resourceToken = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName))
var tags = {
  'azd-env-name': environmentName
  application: 'smartretry-functions'
}

resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-smartretry-${environmentName}'
  location: location
  tags: tags
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: 'stsr${resourceToken}'
    location: location
    tags: tags
    skuName: storageSkuName
    deploymentContainerName: 'app-package'
    appIdentityName: appIdentity.name
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    workspaceName: 'log-smartretry-${environmentName}'
    appInsightsName: 'appi-smartretry-${environmentName}'
    location: location
    tags: tags
    retentionInDays: logRetentionInDays
    appIdentityName: appIdentity.name
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    name: 'kv-sr-${resourceToken}'
    location: location
    tags: tags
    appIdentityName: appIdentity.name
    workspaceId: monitoring.outputs.workspaceId
    vaultOperatorPrincipalId: vaultOperatorPrincipalId
    vaultOperatorPrincipalType: vaultOperatorPrincipalType
    smartRetryApiKey: smartRetryApiKey
    smartRetryWebhookSecret: smartRetryWebhookSecret
    sealingKeyId: sealingCurrentKeyId
    sealingKey: sealingKey
    cardFingerprintKey: cardFingerprintKey
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  params: {
    name: 'func-smartretry-${environmentName}-${take(resourceToken, 6)}'
    planName: 'plan-smartretry-${environmentName}'
    location: location
    tags: tags
    serviceName: serviceName
    appIdentityName: appIdentity.name
    storageAccountName: storage.outputs.name
    blobEndpoint: storage.outputs.blobEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerName: storage.outputs.deploymentContainerName
    appInsightsConnectionString: monitoring.outputs.connectionString
    keyVaultUri: keyVault.outputs.uri
    taskHubName: taskHubName
    smartRetryBaseUrl: smartRetryBaseUrl
    smartRetryTerminalId: smartRetryTerminalId
    tableNamePrefix: tableNamePrefix
    sealingCurrentKeyId: sealingCurrentKeyId
    sealingRetiredKeyIds: sealingRetiredKeyIds
    retentionDays: retentionDays
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
  }
}

@description('Function App name (azd deploys the "api" service to it).')
output FUNCTION_APP_NAME string = functionApp.outputs.name

@description('Function App host name.')
output FUNCTION_APP_HOST_NAME string = functionApp.outputs.hostName

@description('Register this URL as the webhook endpoint in the SmartRetry dashboard.')
output SMARTRETRY_WEBHOOK_URL string = 'https://${functionApp.outputs.hostName}/api/webhooks/smartretry'

@description('Key Vault holding the SmartRetry API key, webhook secret, sealing keys and card fingerprint key.')
output KEY_VAULT_NAME string = keyVault.outputs.name

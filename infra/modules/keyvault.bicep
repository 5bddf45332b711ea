// Key Vault for the app's secrets: RBAC only (no access policies), soft delete and purge protection on. The app's
// identity may read secrets; nobody gets a key. Secret values are written only when given, so a redeployment without
// them leaves the values an operator set in place.
import { builtInRoles } from 'roles.bicep'
import { secretNames, sealingKeySecretName } from 'secrets.bicep'

@description('Key Vault name (3-24 characters, globally unique).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('Name of the user-assigned managed identity the app runs as.')
param appIdentityName string

@description('Log Analytics workspace that receives the vault\'s audit log (who read or changed which secret).')
param workspaceId string

@description('Optional principal (a person or the deploying pipeline) that manages secret values (gets Key Vault Secrets Officer). Empty: none.')
param vaultOperatorPrincipalId string

@description('Type of vaultOperatorPrincipalId.')
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param vaultOperatorPrincipalType string

@description('SmartRetry API key. Empty: leave the secret as it is.')
@secure()
param smartRetryApiKey string

@description('SmartRetry webhook signing secret. Empty: leave the secret as it is.')
@secure()
param smartRetryWebhookSecret string

@description('Base64 key (at least 32 bytes) of the card fingerprints that per-card attempt limits count by. Empty: leave the secret as it is.')
@secure()
param cardFingerprintKey string

@description('Key id of the sealing key given in sealingKey.')
param sealingKeyId string

@description('Base64 32-byte AES-256 sealing key for sealingKeyId. Empty: leave the secret as it is.')
@secure()
param sealingKey string

resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: appIdentityName
}

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    enabledForDeployment: false
    enabledForDiskEncryption: false
    enabledForTemplateDeployment: false
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

resource apiKeySecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(smartRetryApiKey)) {
  parent: vault
  name: secretNames.smartRetryApiKey
  properties: {
    value: smartRetryApiKey
    contentType: 'text/plain'
  }
}

resource webhookSecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(smartRetryWebhookSecret)) {
  parent: vault
  name: secretNames.smartRetryWebhookSecret
  properties: {
    value: smartRetryWebhookSecret
    contentType: 'text/plain'
  }
}

resource cardFingerprintKeySecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(cardFingerprintKey)) {
  parent: vault
  name: secretNames.cardFingerprintKey
  properties: {
    value: cardFingerprintKey
    contentType: 'application/octet-stream; base64'
  }
}

resource sealingKeySecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(sealingKey)) {
  parent: vault
  name: sealingKeySecretName(sealingKeyId)
  properties: {
    value: sealingKey
    contentType: 'application/octet-stream; base64'
  }
}

resource auditLog 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit-to-log-analytics'
  scope: vault
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        categoryGroup: 'audit'
        enabled: true
      }
    ]
  }
}

resource appSecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, appIdentity.id, builtInRoles.keyVaultSecretsUser)
  scope: vault
  properties: {
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', builtInRoles.keyVaultSecretsUser)
  }
}

resource operatorSecretsOfficer 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(vaultOperatorPrincipalId)) {
  name: guid(vault.id, vaultOperatorPrincipalId, builtInRoles.keyVaultSecretsOfficer)
  scope: vault
  properties: {
    principalId: vaultOperatorPrincipalId
    principalType: vaultOperatorPrincipalType
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', builtInRoles.keyVaultSecretsOfficer)
  }
}

@description('Key Vault name.')
output name string = vault.name

@description('Key Vault URI, e.g. https://<vault>.vault.azure.net/.')
output uri string = vault.properties.vaultUri

// Log Analytics + workspace-based Application Insights with local (instrumentation key) auth off: telemetry is accepted
// only from identities holding Monitoring Metrics Publisher, which the app's managed identity gets here.
import { builtInRoles } from 'roles.bicep'

@description('Log Analytics workspace name.')
param workspaceName string

@description('Application Insights component name.')
param appInsightsName string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('Name of the user-assigned managed identity the app runs as.')
param appIdentityName string

@description('Days Log Analytics keeps data.')
@minValue(30)
@maxValue(730)
param retentionInDays int

resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: appIdentityName
}

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
    features: {
      disableLocalAuth: true
    }
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    DisableLocalAuth: true
    IngestionMode: 'LogAnalytics'
  }
}

resource metricsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, appIdentity.id, builtInRoles.monitoringMetricsPublisher)
  scope: appInsights
  properties: {
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', builtInRoles.monitoringMetricsPublisher)
  }
}

@description('Log Analytics workspace resource id.')
output workspaceId string = workspace.id

@description('Application Insights connection string (an endpoint and a resource id, not a credential: local auth is off).')
output connectionString string = appInsights.properties.ConnectionString

namespace SmartRetry.Infra.Tests.Bicep;

/// <summary>Resource types the template deploys.</summary>
public static class AzureTypes
{
    public const string Identity = "Microsoft.ManagedIdentity/userAssignedIdentities";
    public const string StorageAccount = "Microsoft.Storage/storageAccounts";
    public const string BlobContainer = "Microsoft.Storage/storageAccounts/blobServices/containers";
    public const string Workspace = "Microsoft.OperationalInsights/workspaces";
    public const string AppInsights = "Microsoft.Insights/components";
    public const string KeyVault = "Microsoft.KeyVault/vaults";
    public const string KeyVaultSecret = "Microsoft.KeyVault/vaults/secrets";
    public const string Plan = "Microsoft.Web/serverfarms";
    public const string Site = "Microsoft.Web/sites";
    public const string SiteConfig = "Microsoft.Web/sites/config";
    public const string PublishingCredentialsPolicy = "Microsoft.Web/sites/basicPublishingCredentialsPolicies";
    public const string DiagnosticSettings = "Microsoft.Insights/diagnosticSettings";
    public const string RoleAssignment = "Microsoft.Authorization/roleAssignments";
}

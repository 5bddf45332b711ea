using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Moq;
using SmartRetry.Functions.Hosting;
using SmartRetry.Functions.Lookup;
using SmartRetry.Functions.Sales;
using SmartRetry.Functions.Shared.Cards;
using SmartRetry.Functions.Shared.Gateway;
using SmartRetry.Functions.Shared.Ledger;
using SmartRetry.Functions.Tests.Sales;
using SmartRetry.Functions.Tests.Shared.Cards;
using SmartRetry.Functions.Tests.TestHost;
using SmartRetry.Functions.Webhooks;
using SmartRetry.Testing.Storage;

namespace SmartRetry.Functions.Tests.Hosting;

[Collection(AzuriteTests.Name)]
public sealed class PaymentsServiceCollectionExtensionsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_configured_host_starts_and_a_sale_runs_through_the_registered_services()
    {
        using IHost host = Build(Settings(azurite.ConnectionString, azurite.NewTableName("di")));
        await host.StartAsync();
        var durable = new RecordingDurableClient();

        var result = await host.Services.GetRequiredService<SaleSubmissionHandler>().SubmitAsync(durable, TestSales.Request(), CancellationToken.None);

        Assert.Equal(System.Net.HttpStatusCode.Accepted, result.StatusCode);
        Assert.NotNull(await host.Services.GetRequiredService<IPaymentLedger>().GetAsync(result.Body!.PaymentId, CancellationToken.None));
        Assert.NotNull(host.Services.GetRequiredService<WebhookIntake>());
        Assert.NotNull(host.Services.GetRequiredService<PaymentStatusHandler>());
        Assert.NotNull(host.Services.GetRequiredService<SaleCancellationHandler>());
        Assert.IsType<AesGcmCardSealer>(host.Services.GetRequiredService<ICardSealer>());
        Assert.NotNull(host.Services.GetRequiredService<CardFingerprinter>());
        Assert.IsType<SmartRetryGateway>(host.Services.GetRequiredService<ISmartRetryGateway>());
        Assert.Equal("whsec", host.Services.GetRequiredService<IOptions<WebhookIntakeOptions>>().Value.WebhookSecret);
        await host.StopAsync();
    }

    [Theory]
    [InlineData("Payments:Sealing:CurrentKeyId", null, "Payments:Sealing:CurrentKeyId")]
    [InlineData("Payments:Sealing:Keys:k1", "c2hvcnQ=", "Payments:Sealing:Keys:k1")]
    [InlineData("Payments:Cards:FingerprintKey", null, "Payments:Cards:FingerprintKey")]
    [InlineData("Payments:Cards:FingerprintKey", "c2hvcnQ=", "Payments:Cards:FingerprintKey")]
    [InlineData("Payments:Storage:ConnectionString", null, "Payments:Storage:ConnectionString")]
    [InlineData("Payments:Storage:TableNamePrefix", "bad-prefix", "Payments:Storage:TableNamePrefix")]
    [InlineData("SmartRetry:WebhookSecret", null, "SmartRetry:WebhookSecret")]
    [InlineData("Payments:Webhooks:RaiseAttempts", "0", "RaiseAttempts")]
    [InlineData("Payments:Reconciliation:Schedule", null, "Payments:Reconciliation:Schedule")]
    [InlineData("Payments:Reconciliation:Schedule", "every minute", "Payments:Reconciliation:Schedule")]
    [InlineData("Payments:Storage:TryTimeout", "00:10:00", "Payments:Storage:TryTimeout")]
    [InlineData("SmartRetry:ApiKey", null, "ApiKey")]
    [InlineData("SmartRetry:TerminalId", "TERM", "TerminalId")]
    public async Task Start_up_fails_naming_a_missing_or_invalid_setting(string key, string? value, string named)
    {
        Dictionary<string, string?> settings = Settings("UseDevelopmentStorage=true", "srtest");
        settings[key] = value;
        using IHost host = Build(settings);

        var error = await Assert.ThrowsAnyAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Local_settings_give_one_table_client_for_the_emulator()
    {
        using IHost host = Build(Settings("UseDevelopmentStorage=true", "srtest"));

        TableServiceClient tables = host.Services.GetRequiredService<TableServiceClient>();

        Assert.Equal("devstoreaccount1", tables.AccountName);
        Assert.Same(tables, host.Services.GetRequiredService<TableServiceClient>());
    }

    [Fact]
    public void Azure_settings_give_a_table_client_for_the_configured_endpoint_with_the_identity()
    {
        Dictionary<string, string?> settings = Settings("", "srprod");
        settings.Remove("Payments:Storage:ConnectionString");
        settings["Payments:Storage:TableServiceUri"] = "https://srprod.table.core.windows.net";
        settings["Payments:Storage:ManagedIdentityClientId"] = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";
        using IHost host = Build(settings);

        TableServiceClient tables = host.Services.GetRequiredService<TableServiceClient>();

        Assert.Equal(new Uri("https://srprod.table.core.windows.net"), tables.Uri);
        Assert.Equal("srprod", tables.AccountName);
    }

    private static Dictionary<string, string?> Settings(string connectionString, string prefix) => new()
    {
        ["Payments:Sealing:CurrentKeyId"] = "k1",
        ["Payments:Sealing:Keys:k1"] = AesGcmCardSealerTests.NewKey(),
        ["Payments:Cards:FingerprintKey"] = CardFingerprinterTests.NewKey(),
        ["Payments:Storage:ConnectionString"] = connectionString,
        ["Payments:Storage:TableNamePrefix"] = prefix,
        ["SmartRetry:WebhookSecret"] = "whsec",
        ["SmartRetry:BaseUrl"] = "http://127.0.0.1:5080",
        ["SmartRetry:ApiKey"] = "sk_test_di",
        ["SmartRetry:TerminalId"] = "TERM01",
        ["Payments:Reconciliation:Schedule"] = "0 * * * * *",
    };

    private static IHost Build(Dictionary<string, string?> settings)
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.Services.AddPayments(builder.Configuration);
        return builder.Build();
    }
}

using Azure.Data.Tables;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SmartRetry.Functions.Lookup;
using SmartRetry.Functions.Maintenance;
using SmartRetry.Functions.Refunds;
using SmartRetry.Functions.Sales;
using SmartRetry.Functions.Shared.Cards;
using SmartRetry.Functions.Shared.Charges;
using SmartRetry.Functions.Shared.Correlation;
using SmartRetry.Functions.Shared.Gateway;
using SmartRetry.Functions.Shared.Idempotency;
using SmartRetry.Functions.Shared.Ledger;
using SmartRetry.Functions.Shared.Storage;
using SmartRetry.Functions.Shared.Tracking;
using SmartRetry.Functions.Webhooks;

namespace SmartRetry.Functions.Hosting;

public static class PaymentsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the app's storage, card sealing and fingerprints, sale and refund request handlers, webhook intake and the
    /// SmartRetry client behind <see cref="ISmartRetryGateway"/>, with their settings bound and validated at start-up
    /// (<c>Payments:Sealing</c>, <c>Payments:Cards</c>, <c>Payments:Storage</c>, <c>Payments:Requests</c>, <c>Payments:Tracking</c>,
    /// <c>Payments:Reconciliation</c>, <c>Payments:Webhooks</c>, the <c>SmartRetry</c> section). This is the one call a host makes: it need not call
    /// <c>AddSmartRetryClient</c> itself. The host supplies logging and, per invocation, the Durable client the
    /// handlers take as a parameter (<c>[DurableClient]</c>). A <see cref="TimeProvider"/> or
    /// <see cref="TableServiceClient"/> the host registered first is kept.
    /// </summary>
    public static IServiceCollection AddPayments(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.TryAddSingleton(TimeProvider.System);

        services.AddOptions<CardSealingOptions>().Bind(configuration.GetSection(CardSealingOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CardSealingOptions>, CardSealingOptionsValidator>());
        services.AddOptions<CardFingerprintOptions>().Bind(configuration.GetSection(CardFingerprintOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CardFingerprintOptions>, CardFingerprintOptionsValidator>());
        services.AddOptions<PaymentsStorageOptions>().Bind(configuration.GetSection(PaymentsStorageOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PaymentsStorageOptions>, PaymentsStorageOptionsValidator>());
        services.AddOptions<PaymentRequestOptions>().Bind(configuration.GetSection(PaymentRequestOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<TrackingOptions>().Bind(configuration.GetSection(TrackingOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ReconciliationOptions>().Bind(configuration.GetSection(ReconciliationOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<WebhookIntakeOptions>()
            .Bind(configuration.GetSection(WebhookIntakeOptions.SectionName))
            .Configure(options => options.WebhookSecret = configuration[WebhookIntakeOptions.SecretKey] ?? "")
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // The Azure SDK's own registration (Microsoft.Extensions.Azure): the client's logs go to ILogger and its options
        // can be configured the ecosystem's way; the client itself is built from the validated storage options.
        services.AddAzureClients(clients => clients.AddClient<TableServiceClient, TableClientOptions>(
            (clientOptions, provider) => PaymentsTableServiceClient.Create(provider.GetRequiredService<IOptions<PaymentsStorageOptions>>().Value, clientOptions)));
        services.TryAddSingleton<PaymentsTables>();
        services.TryAddSingleton<IUnresolvedPayments, TableUnresolvedPayments>();
        services.TryAddSingleton<IPaymentLedger, TablePaymentLedger>();
        services.TryAddSingleton<PaymentReconciler>();
        services.TryAddSingleton<ICorrelationStore, TableCorrelationStore>();
        services.TryAddSingleton<IIdempotencyStore, TableIdempotencyStore>();
        services.TryAddSingleton<RequestClaims>();
        services.TryAddSingleton<IRefundReservations, TableRefundReservations>();
        services.TryAddSingleton<IWebhookEventStore, TableWebhookEventStore>();
        services.TryAddSingleton<IPendingEventStore, TablePendingEventStore>();
        services.TryAddSingleton<WebhookRecordsRetention>();
        services.TryAddSingleton<EarlyTransactionEvents>();

        services.TryAddSingleton<SealingKeyRing>();
        services.TryAddSingleton<ICardSealer, AesGcmCardSealer>();
        services.TryAddSingleton<ICardVault, TableCardVault>();
        services.TryAddSingleton<CardFingerprinter>();

        services.TryAddSingleton<ChargeRequestValidator>();
        services.TryAddSingleton<ChargeFingerprinter>();
        services.TryAddSingleton<SaleSubmissionHandler>();
        services.TryAddSingleton<PaymentStatusHandler>();
        services.TryAddSingleton<SaleCancellationHandler>();
        services.TryAddSingleton<RefundSubmissionHandler>();

        services.TryAddSingleton<WebhookIntake>();

        // Also registers the WebhookVerifier webhook intake uses, with the client's clock and tolerance.
        services.AddSmartRetryClient(configuration);
        services.TryAddSingleton<ISmartRetryGateway, SmartRetryGateway>();
        return services;
    }
}

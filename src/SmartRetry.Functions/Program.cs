using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SmartRetry.Functions.Hosting;
using SmartRetry.Functions.Shared.Http;
using SmartRetry.Functions.Shared.Telemetry;

FunctionsApplicationBuilder builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

// Inside the ASP.NET Core integration's middleware: every HTTP failure is answered as problem details (415, 503, 500).
builder.UseMiddleware<HttpProblemsMiddleware>();

// Worker-side logs are filtered here (host.json filters only the host's own categories): the Azure SDK and
// IHttpClientFactory log every request at Information, which drowns the payment logs.
builder.Logging.AddFilter("Azure.Core", LogLevel.Warning);
builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);

builder.Services.AddSmartRetryFunctionsHost(builder.Configuration);
builder.Services.AddSmartRetryTelemetry(builder.Configuration);

// The app's services, each validating its options at start-up: the one TableServiceClient (Payments:Storage: a
// connection string locally, a managed identity in Azure), card sealing, the ledger, idempotency, correlation and
// webhook tables over it, the sale and recurring request handlers, webhook intake and dunning. The SmartRetry gateway
// ports, over the SmartRetry client through IHttpClientFactory, come with them: ISmartRetryGateway from AddPayments,
// ISmartRetryRecurringGateway from AddRecurringPayments.
builder.Services.AddPayments(builder.Configuration);
builder.Services.AddRecurringPayments(builder.Configuration);

builder.Build().Run();

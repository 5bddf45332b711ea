using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SmartRetry.Functions.Hosting;

FunctionsApplicationBuilder builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

// Worker-side logs are filtered here (host.json filters only the host's own categories): the Azure SDK and
// IHttpClientFactory log every request at Information, which drowns the payment logs.
builder.Logging.AddFilter("Azure.Core", LogLevel.Warning);
builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);

builder.Services.AddSmartRetryFunctionsHost(builder.Configuration);

// Payments registers its own services here as they land (each validates its options at start-up): the SmartRetry
// client through IHttpClientFactory, card sealing, the ledger and correlation tables over the TableServiceClient
// registered above, webhook intake and the request handlers the HTTP functions delegate to.

builder.Build().Run();

using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using SmartRetry.Functions.Hosting;

FunctionsApplicationBuilder builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

builder.Services.AddSmartRetryFunctionsHost(builder.Configuration);

// Payments registers its own services here as they land (each validates its options at start-up): the SmartRetry
// client through IHttpClientFactory, card sealing, the ledger and correlation tables over the TableServiceClient
// registered above, webhook intake and the request handlers the HTTP functions delegate to.

builder.Build().Run();

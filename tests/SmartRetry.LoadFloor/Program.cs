using Azure.Data.Tables;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

FunctionsApplicationBuilder builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddSingleton(services =>
{
    var table = new TableClient(services.GetRequiredService<IConfiguration>()["AzureWebJobsStorage"], "floorwebhooks");
    table.CreateIfNotExists();
    return table;
});
builder.Build().Run();

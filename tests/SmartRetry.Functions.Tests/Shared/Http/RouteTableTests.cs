using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using SmartRetry.Functions.Shared.Http;

namespace SmartRetry.Functions.Tests.Shared.Http;

/// <summary>The HTTP API as the Functions host will expose it: function, method, route (under /api) and key requirement.</summary>
public sealed class RouteTableTests
{
    public static TheoryData<string, string, string, AuthorizationLevel> Routes => new()
    {
        { "SubmitSaleHttp", "post", "payments/sale", AuthorizationLevel.Function },
        { "GetPaymentHttp", "get", "payments/{paymentId}", AuthorizationLevel.Function },
        { "CancelSaleHttp", "post", "payments/{paymentId}/cancel", AuthorizationLevel.Function },
        { "RefundSaleHttp", "post", "payments/{paymentId}/refund", AuthorizationLevel.Function },
        { "CreateRecurringHttp", "post", "recurring", AuthorizationLevel.Function },
        { "GetRecurringHttp", "get", "recurring/{seriesId}", AuthorizationLevel.Function },
        { "UpdateRecurringHttp", "patch", "recurring/{seriesId}", AuthorizationLevel.Function },
        { "PauseRecurringHttp", "post", "recurring/{seriesId}/pause", AuthorizationLevel.Function },
        { "ResumeRecurringHttp", "post", "recurring/{seriesId}/resume", AuthorizationLevel.Function },
        { "CancelRecurringHttp", "post", "recurring/{seriesId}/cancel", AuthorizationLevel.Function },
        { "ListFutureTransactionsHttp", "get", "recurring/{seriesId}/future-transactions", AuthorizationLevel.Function },
        { "UpdateFutureTransactionHttp", "patch", "recurring/{seriesId}/future-transactions/{futureTransactionId}", AuthorizationLevel.Function },
        { "ChargeFutureTransactionHttp", "post", "recurring/{seriesId}/future-transactions/{futureTransactionId}/charge", AuthorizationLevel.Function },
        { "CancelFutureTransactionHttp", "post", "recurring/{seriesId}/future-transactions/{futureTransactionId}/cancel", AuthorizationLevel.Function },
        { "SmartRetryWebhook", "post", "webhooks/smartretry", AuthorizationLevel.Anonymous },
        { "Health", "get", "health", AuthorizationLevel.Anonymous },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public void Each_route_is_one_function_with_its_method_and_key_requirement(string function, string method, string route, AuthorizationLevel level)
    {
        (MethodInfo handler, HttpTriggerAttribute trigger) = Assert.Single(HttpFunctions(), f => f.Method.GetCustomAttribute<FunctionAttribute>()!.Name == function);

        Assert.Equal(route, trigger.Route);
        Assert.Equal(method, Assert.Single(trigger.Methods ?? []));
        Assert.Equal(level, trigger.AuthLevel);

        // Every route parameter is bound by name to a string parameter of the function.
        string[] parameters = [.. handler.GetParameters().Where(p => p.ParameterType == typeof(string)).Select(p => p.Name!)];
        string[] placeholders = [.. route.Split('/').Where(s => s.StartsWith('{')).Select(s => s.Trim('{', '}'))];
        Assert.Equal(placeholders, parameters);
    }

    [Fact]
    public void The_table_lists_every_http_function_and_no_two_share_a_method_and_route()
    {
        var declared = HttpFunctions().Select(f => (Method: f.Trigger.Methods!.Single(), f.Trigger.Route)).ToList();

        Assert.Equal(Routes.Count, declared.Count);
        Assert.Equal(declared.Count, declared.Distinct().Count());
    }

    private static IEnumerable<(MethodInfo Method, HttpTriggerAttribute Trigger)> HttpFunctions() =>
        from type in typeof(ApiResults).Assembly.GetTypes()
        from method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
        where method.GetCustomAttribute<FunctionAttribute>() is not null
        from parameter in method.GetParameters()
        let trigger = parameter.GetCustomAttribute<HttpTriggerAttribute>()
        where trigger is not null
        select (method, trigger);
}

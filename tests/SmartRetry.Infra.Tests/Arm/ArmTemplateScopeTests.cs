using System.Text.Json;

namespace SmartRetry.Infra.Tests.Arm;

public sealed class ArmTemplateScopeTests
{
    [Fact]
    public void Runtime_values_stay_unknown_and_say_where_they_come_from()
    {
        var scope = Scope("""{ "parameters": { "name": { "type": "string", "defaultValue": "app" } }, "resources": {} }""");

        var value = Evaluate(scope, "[format('https://{0}/{1}', reference('x').defaultHostName, parameters('name'))]");

        Assert.Equal("https://⟨reference(x).defaultHostName⟩/app", value);
    }

    [Fact]
    public void A_function_it_does_not_implement_becomes_unknown_rather_than_a_guess()
    {
        var scope = Scope("""{ "parameters": {}, "resources": {} }""");

        Assert.Equal(new ArmUnknown("dateTimeAdd(2026-01-01, P1D)"), Evaluate(scope, "[dateTimeAdd('2026-01-01', 'P1D')]"));
    }

    [Fact]
    public void Lambdas_and_user_functions_are_applied()
    {
        var scope = Scope("""
            {
              "functions": [ { "namespace": "__bicep", "members": { "secret": {
                "parameters": [ { "type": "string", "name": "id" } ],
                "output": { "type": "string", "value": "[format('key-{0}', parameters('id'))]" } } } } ],
              "parameters": { "ids": { "type": "array", "defaultValue": [ "a", "b" ] } },
              "resources": {}
            }
            """);

        var value = Evaluate(scope, "[toObject(parameters('ids'), lambda('i', format('K__{0}', lambdaVariables('i'))), lambda('i', __bicep.secret(lambdaVariables('i'))))]");

        Assert.Equal(new Dictionary<string, object?> { ["K__a"] = "key-a", ["K__b"] = "key-b" }, value);
    }

    [Fact]
    public void Copy_loops_expand_and_false_conditions_drop_resources()
    {
        var scope = Scope("""
            {
              "parameters": { "on": { "type": "bool", "defaultValue": false } },
              "variables": { "names": [ "a", "b" ] },
              "resources": {
                "looped": { "copy": { "name": "looped", "count": "[length(variables('names'))]" },
                  "type": "Microsoft.Test/things", "name": "[variables('names')[copyIndex()]]" },
                "conditional": { "condition": "[parameters('on')]", "type": "Microsoft.Test/things", "name": "c" }
              }
            }
            """);

        Assert.Equal(["Microsoft.Test/things/a", "Microsoft.Test/things/b"], scope.DeployedResources().Select(resource => resource.Id));
    }

    private static ArmTemplateScope Scope(string template) =>
        new(JsonDocument.Parse(template).RootElement.Clone(), "test", new Dictionary<string, Func<object?>>());

    private static object? Evaluate(ArmTemplateScope scope, string expression) =>
        scope.Evaluate(JsonDocument.Parse(JsonSerializer.Serialize(expression)).RootElement.Clone(), ArmTemplateScope.Frame.Empty);
}

using System.Globalization;
using System.Text.Json;

namespace SmartRetry.Infra.Tests.Arm;

/// <summary>
/// Evaluates a compiled (languageVersion 2.0) ARM template offline, as far as it can be known before deployment:
/// parameters, variables, user-defined functions, copy loops, conditions and nested module deployments are resolved;
/// values only Azure knows (runtime resource properties, <c>uniqueString</c>, <c>subscription()</c>) become
/// <see cref="ArmUnknown"/> that still say where they come from. Unsupported functions also become unknown, so an
/// assertion can never pass on a value this evaluator invented.
/// </summary>
public sealed class ArmTemplateScope
{
    private readonly JsonElement template;
    private readonly string module;
    private readonly IReadOnlyDictionary<string, Func<object?>> suppliedParameters;
    private readonly Dictionary<string, object?> parameterCache = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, object?> variableCache = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, JsonElement> resources = new(StringComparer.OrdinalIgnoreCase);

    public ArmTemplateScope(JsonElement template, string module, IReadOnlyDictionary<string, Func<object?>> parameters)
    {
        this.template = template;
        this.module = module;
        suppliedParameters = parameters;
        if (template.TryGetProperty("resources", out var declared))
        {
            if (declared.ValueKind != JsonValueKind.Object)
            {
                throw new NotSupportedException("Only symbolic-name templates (languageVersion 2.0) are supported.");
            }

            foreach (var resource in declared.EnumerateObject())
            {
                resources[resource.Name] = resource.Value;
            }
        }
    }

    /// <summary>A resource id in the compact form <c>Microsoft.Web/sites/app</c> (child: <c>Microsoft.Web/sites/app/config/appsettings</c>).</summary>
    public static string ResourceId(string type, object? name)
    {
        var typeSegments = type.Split('/');
        var names = name is string text ? text.Split('/') : [Render(name)];
        var parts = new List<string> { typeSegments[0] };
        for (var i = 1; i < typeSegments.Length; i++)
        {
            parts.Add(typeSegments[i]);
            parts.Add(i - 1 < names.Length ? names[i - 1] : "?");
        }

        return string.Join('/', parts);
    }

    /// <summary>Renders a value the way <c>format()</c> would embed it.</summary>
    public static string Render(object? value) => value switch
    {
        null => "",
        string text => text,
        bool flag => flag ? "True" : "False",
        long number => number.ToString(CultureInfo.InvariantCulture),
        ArmUnknown unknown => unknown.ToString(),
        _ => JsonSerializer.Serialize(value),
    };

    /// <summary>A parameter file value: JSON as it is, never an expression.</summary>
    public static object? Literal(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetInt64(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null => null,
        JsonValueKind.Array => element.EnumerateArray().Select(Literal).ToList(),
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(member => member.Name, member => Literal(member.Value), StringComparer.OrdinalIgnoreCase),
        _ => throw new NotSupportedException(element.ValueKind.ToString()),
    };

    /// <summary>Every resource this template and its modules deploy (existing references and false conditions left out).</summary>
    public IEnumerable<DeployedResource> DeployedResources()
    {
        foreach (var (symbolicName, resource) in resources)
        {
            if (resource.TryGetProperty("existing", out var existing) && existing.ValueKind == JsonValueKind.True)
            {
                continue;
            }

            var copyCount = resource.TryGetProperty("copy", out var copy)
                ? Convert.ToInt32(Evaluate(copy.GetProperty("count"), Frame.Empty), CultureInfo.InvariantCulture)
                : 1;
            for (var index = 0; index < copyCount; index++)
            {
                var frame = copy.ValueKind == JsonValueKind.Undefined ? Frame.Empty : Frame.Empty with { CopyIndex = index };
                if (resource.TryGetProperty("condition", out var condition) && Evaluate(condition, frame) is false)
                {
                    continue;
                }

                if (IsModule(resource))
                {
                    foreach (var nested in ModuleScope(symbolicName, resource).DeployedResources())
                    {
                        yield return nested;
                    }

                    continue;
                }

                var body = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                foreach (var member in resource.EnumerateObject().Where(member => member.Name is not ("copy" or "dependsOn")))
                {
                    body[member.Name] = Evaluate(member.Value, frame);
                }

                yield return new DeployedResource(module, symbolicName, body);
            }
        }
    }

    /// <summary>The template's outputs, evaluated.</summary>
    public IReadOnlyDictionary<string, object?> Outputs()
    {
        var outputs = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        if (template.TryGetProperty("outputs", out var declared))
        {
            foreach (var output in declared.EnumerateObject())
            {
                outputs[output.Name] = Evaluate(output.Value.GetProperty("value"), Frame.Empty);
            }
        }

        return outputs;
    }

    public object? Parameter(string name)
    {
        if (parameterCache.TryGetValue(name, out var cached))
        {
            return cached;
        }

        object? value;
        if (suppliedParameters.TryGetValue(name, out var supplied))
        {
            value = supplied();
        }
        else if (template.GetProperty("parameters").TryGetProperty(name, out var declaration) && declaration.TryGetProperty("defaultValue", out var defaultValue))
        {
            value = Evaluate(defaultValue, Frame.Empty);
        }
        else
        {
            throw new InvalidOperationException($"{module}: parameter '{name}' has no value and no default.");
        }

        return parameterCache[name] = value;
    }

    public object? Evaluate(JsonElement element, Frame frame) => element.ValueKind switch
    {
        JsonValueKind.String => EvaluateString(element.GetString()!, frame),
        JsonValueKind.Number => element.GetInt64(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null => null,
        JsonValueKind.Array => element.EnumerateArray().Select(item => Evaluate(item, frame)).ToList(),
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(
            member => Render(EvaluateString(member.Name, frame)), member => Evaluate(member.Value, frame), StringComparer.OrdinalIgnoreCase),
        _ => throw new NotSupportedException(element.ValueKind.ToString()),
    };

    private object? EvaluateString(string text, Frame frame) =>
        ArmExpressionParser.IsExpression(text) ? Evaluate(ArmExpressionParser.Parse(text), frame)
        : text.StartsWith("[[", StringComparison.Ordinal) ? text[1..]
        : text;

    private static bool IsModule(JsonElement resource) =>
        string.Equals(resource.GetProperty("type").GetString(), "Microsoft.Resources/deployments", StringComparison.OrdinalIgnoreCase);

    private ArmTemplateScope ModuleScope(string symbolicName, JsonElement resource)
    {
        var properties = resource.GetProperty("properties");
        var parameters = new Dictionary<string, Func<object?>>(StringComparer.OrdinalIgnoreCase);
        if (properties.TryGetProperty("parameters", out var supplied))
        {
            foreach (var parameter in supplied.EnumerateObject())
            {
                var value = parameter.Value.GetProperty("value");
                parameters[parameter.Name] = () => Evaluate(value, Frame.Empty);
            }
        }

        return new ArmTemplateScope(properties.GetProperty("template"), symbolicName, parameters);
    }

    private object? Variable(string name)
    {
        if (!variableCache.TryGetValue(name, out var value))
        {
            value = variableCache[name] = Evaluate(template.GetProperty("variables").GetProperty(name), Frame.Empty);
        }

        return value;
    }

    private object? Evaluate(ArmExpressionNode node, Frame frame) => node switch
    {
        ArmLiteral literal => literal.Value,
        ArmProperty property => Member(Evaluate(property.Target, frame), property.Name),
        ArmIndex index => Element(Evaluate(index.Target, frame), Evaluate(index.Index, frame)),
        ArmCall call => Call(call, frame),
        _ => throw new NotSupportedException(node.ToString()),
    };

    private static object? Member(object? target, string name) => target switch
    {
        IReadOnlyDictionary<string, object?> members => members.TryGetValue(name, out var value)
            ? value
            : throw new KeyNotFoundException($"No member '{name}' in {Render(target)}"),
        ArmUnknown unknown => new ArmUnknown($"{unknown.Text}.{name}"),
        _ => throw new InvalidOperationException($"Cannot read '{name}' of {Render(target)}"),
    };

    private static object? Element(object? target, object? index) => (target, index) switch
    {
        (IReadOnlyList<object?> items, long position) => items[(int)position],
        (IReadOnlyDictionary<string, object?>, string name) => Member(target, name),
        (ArmUnknown unknown, _) => new ArmUnknown($"{unknown.Text}[{Render(index)}]"),
        _ => new ArmUnknown($"{Render(target)}[{Render(index)}]"),
    };

    private object? Call(ArmCall call, Frame frame)
    {
        switch (call.Name.ToLowerInvariant())
        {
            case "lambda":
                var names = call.Arguments.SkipLast(1).Select(argument => (string)((ArmLiteral)argument).Value).ToList();
                return new ArmLambda(names, call.Arguments[^1]);
            case "lambdavariables":
                return frame.LambdaVariables![(string)Evaluate(call.Arguments[0], frame)!];
            case "copyindex":
                return (long)(frame.CopyIndex ?? throw new InvalidOperationException("copyIndex() outside a copy loop"))
                    + (call.Arguments.Count > 0 ? (long)Evaluate(call.Arguments[0], frame)! : 0);
        }

        var arguments = call.Arguments.Select(argument => Evaluate(argument, frame)).ToList();
        if (call.Name.Contains('.', StringComparison.Ordinal))
        {
            return CallUserFunction(call.Name, arguments);
        }

        return call.Name.ToLowerInvariant() switch
        {
            "parameters" => frame.FunctionParameters is { } functionParameters ? functionParameters[(string)arguments[0]!] : Parameter((string)arguments[0]!),
            "variables" => Variable((string)arguments[0]!),
            "reference" => Reference(arguments),
            "resourceid" or "subscriptionresourceid" => ResourceIdCall(arguments),
            "format" => Format(arguments),
            "concat" when arguments.All(argument => argument is IReadOnlyList<object?>) => arguments.Cast<IReadOnlyList<object?>>().SelectMany(items => items).ToList(),
            "concat" => string.Concat(arguments.Select(Render)),
            "createobject" => CreateObject(arguments),
            "createarray" => arguments.ToList(),
            "not" when arguments[0] is bool flag => !flag,
            "empty" when arguments[0] is not ArmUnknown => IsEmpty(arguments[0]),
            "length" when arguments[0] is IReadOnlyList<object?> items => (long)items.Count,
            "string" when arguments[0] is string or long or bool => Render(arguments[0]),
            "if" when arguments[0] is bool condition => condition ? arguments[1] : arguments[2],
            "union" when arguments.All(argument => argument is IReadOnlyDictionary<string, object?>) => UnionObjects(arguments),
            "union" when arguments.All(argument => argument is IReadOnlyList<object?>) => arguments.Cast<IReadOnlyList<object?>>().SelectMany(items => items).Distinct().ToList(),
            "toobject" when arguments[0] is IReadOnlyList<object?> items => ToObject(items, (ArmLambda)arguments[1]!, arguments.Count > 2 ? (ArmLambda)arguments[2]! : null, frame),
            _ => new ArmUnknown($"{call.Name}({string.Join(", ", arguments.Select(Render))})"),
        };
    }

    private object? CallUserFunction(string name, IReadOnlyList<object?> arguments)
    {
        var separator = name.LastIndexOf('.');
        var (ns, member) = (name[..separator], name[(separator + 1)..]);
        var definition = template.GetProperty("functions").EnumerateArray()
            .Single(group => group.GetProperty("namespace").GetString() == ns)
            .GetProperty("members").GetProperty(member);
        var parameterNames = definition.GetProperty("parameters").EnumerateArray().Select(parameter => parameter.GetProperty("name").GetString()!).ToList();
        var bound = parameterNames.Zip(arguments).ToDictionary(pair => pair.First, pair => pair.Second, StringComparer.OrdinalIgnoreCase);
        return Evaluate(definition.GetProperty("output").GetProperty("value"), Frame.Empty with { FunctionParameters = bound });
    }

    private object? Reference(List<object?> arguments)
    {
        if (arguments[0] is string symbolicName && resources.TryGetValue(symbolicName, out var resource))
        {
            if (IsModule(resource))
            {
                var outputs = ModuleScope(symbolicName, resource).Outputs()
                    .ToDictionary(output => output.Key, output => (object?)new Dictionary<string, object?> { ["value"] = output.Value }, StringComparer.OrdinalIgnoreCase);
                return new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase) { ["outputs"] = outputs };
            }

            var type = resource.GetProperty("type").GetString()!;
            return new ArmUnknown($"reference({ResourceId(type, Evaluate(resource.GetProperty("name"), Frame.Empty))})");
        }

        return new ArmUnknown($"reference({Render(arguments[0])})");
    }

    private static string ResourceIdCall(List<object?> arguments)
    {
        var typeIndex = arguments.FindIndex(argument => argument is string text && text.Contains('/', StringComparison.Ordinal));
        var type = (string)arguments[typeIndex]!;
        return ResourceId(type, string.Join('/', arguments.Skip(typeIndex + 1).Select(Render)));
    }

    private static string Format(List<object?> arguments)
    {
        var text = Render(arguments[0]);
        for (var i = 1; i < arguments.Count; i++)
        {
            text = text.Replace("{" + (i - 1).ToString(CultureInfo.InvariantCulture) + "}", Render(arguments[i]), StringComparison.Ordinal);
        }

        return text;
    }

    private static Dictionary<string, object?> CreateObject(List<object?> arguments)
    {
        var result = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < arguments.Count; i += 2)
        {
            result[Render(arguments[i])] = arguments[i + 1];
        }

        return result;
    }

    private static Dictionary<string, object?> UnionObjects(IEnumerable<object?> objects)
    {
        var result = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var members in objects.Cast<IReadOnlyDictionary<string, object?>>())
        {
            foreach (var (name, value) in members)
            {
                result[name] = value;
            }
        }

        return result;
    }

    private Dictionary<string, object?> ToObject(IReadOnlyList<object?> items, ArmLambda key, ArmLambda? value, Frame frame)
    {
        object? Apply(ArmLambda lambda, object? item) => Evaluate(lambda.Body, frame with
        {
            LambdaVariables = new Dictionary<string, object?>(frame.LambdaVariables ?? new Dictionary<string, object?>()) { [lambda.ParameterNames[0]] = item },
        });

        return items.ToDictionary(item => Render(Apply(key, item)), item => value is null ? item : Apply(value, item), StringComparer.OrdinalIgnoreCase);
    }

    private static bool IsEmpty(object? value) => value switch
    {
        null => true,
        string text => text.Length == 0,
        IReadOnlyList<object?> items => items.Count == 0,
        IReadOnlyDictionary<string, object?> members => members.Count == 0,
        _ => false,
    };

    /// <summary>What an expression is evaluated within: the copy loop's index, lambda variables, a user function's arguments.</summary>
    public sealed record Frame(int? CopyIndex, IReadOnlyDictionary<string, object?>? LambdaVariables, IReadOnlyDictionary<string, object?>? FunctionParameters)
    {
        public static Frame Empty { get; } = new(null, null, null);
    }
}

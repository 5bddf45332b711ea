using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace SmartRetry.Client;

/// <summary>Fails start-up with one message per bad setting, each naming the configuration key (e.g. <c>SmartRetry:TerminalId</c>).</summary>
public sealed partial class SmartRetryClientOptionsValidator : IValidateOptions<SmartRetryClientOptions>
{
    public ValidateOptionsResult Validate(string? name, SmartRetryClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string> failures = Check(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(string.IsNullOrEmpty(name) ? failures : failures.Select(failure => $"SmartRetry client '{name}': {failure}"));
    }

    internal static List<string> Check(SmartRetryClientOptions options)
    {
        const string Section = SmartRetryClientOptions.SectionName;
        var failures = new List<string>();
        if (options.BaseUrl is not { IsAbsoluteUri: true } url || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{Section}:BaseUrl must be an absolute http(s) URL, e.g. {SmartRetryClientOptions.DefaultBaseUrl}.");
        }

        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            failures.Add($"{Section}:ApiKey is required (the SmartRetry API key, sent as x-api-key).");
        }

        if (options.TerminalId is null || !TerminalIdPattern().IsMatch(options.TerminalId))
        {
            failures.Add($"{Section}:TerminalId must be exactly 6 letters or digits (got {options.TerminalId?.Length ?? 0} characters).");
        }

        if (options.WebhookTolerance < TimeSpan.Zero || options.WebhookTolerance > TimeSpan.FromDays(1))
        {
            failures.Add($"{Section}:WebhookTolerance must be from zero to one day (got {options.WebhookTolerance}).");
        }

        CheckPositive(options.AttemptTimeout, $"{Section}:AttemptTimeout", failures);
        CheckPositive(options.OverallTimeout, $"{Section}:OverallTimeout", failures);
        if (options.Retry is not { } retry)
        {
            failures.Add($"{Section}:Retry is required.");
            return failures;
        }

        if (retry.MaxAttempts is < 1 or > 10)
        {
            failures.Add($"{Section}:Retry:MaxAttempts must be from 1 to 10 (got {retry.MaxAttempts}).");
        }

        CheckPositive(retry.BaseDelay, $"{Section}:Retry:BaseDelay", failures);
        CheckPositive(retry.MaxDelay, $"{Section}:Retry:MaxDelay", failures);
        CheckPositive(retry.MaxRetryAfter, $"{Section}:Retry:MaxRetryAfter", failures);
        return failures;
    }

    private static void CheckPositive(TimeSpan value, string key, List<string> failures)
    {
        if (value <= TimeSpan.Zero || value > TimeSpan.FromDays(1))
        {
            failures.Add($"{key} must be more than zero and at most one day (got {value}).");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9]{6}$")]
    private static partial Regex TerminalIdPattern();
}

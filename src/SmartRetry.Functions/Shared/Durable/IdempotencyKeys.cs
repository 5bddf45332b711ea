using System.Security.Cryptography;
using System.Text;

namespace SmartRetry.Functions.Shared.Durable;

/// <summary>
/// Derives the <c>Idempotency-Key</c> of an orchestration activity from the instance id and the step name, so every activity
/// retry and every replay sends the same key. SmartRetry accepts 1–255 characters of <c>[A-Za-z0-9_-]</c>
/// (https://www.smartretry.com/docs/api-reference/idempotency): the key keeps a readable, sanitized prefix of the instance id for support and ends with a
/// hash of the exact instance id and activity, so two instance ids that sanitize alike still get different keys.
/// </summary>
public static class IdempotencyKeys
{
    private const int MaxReadableLength = 150;

    public static string Derive(string instanceId, string step)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        ArgumentException.ThrowIfNullOrEmpty(step);
        if (step.Length > 40 || !step.All(IsAllowed))
        {
            throw new ArgumentException("A step name is at most 40 characters of [A-Za-z0-9_-].", nameof(step));
        }

        string readable = new([.. instanceId.Take(MaxReadableLength).Select(c => IsAllowed(c) ? c : '_')]);
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{instanceId}\n{step}"));
        string digest = Convert.ToBase64String(hash, 0, 16).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return $"{step}-{readable}-{digest}";
    }

    private static bool IsAllowed(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-';
}

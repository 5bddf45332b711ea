using System.Text;

namespace SmartRetry.Functions.Shared.Problems;

/// <summary>Turns System.Text.Json's paths (<c>$.card.number</c>, <c>$['odd name']</c>) into RFC 6901 JSON pointers (<c>/card/number</c>).</summary>
public static class JsonPointer
{
    public static string FromPath(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "";
        }

        var pointer = new StringBuilder();
        int i = path.StartsWith('$') ? 1 : 0;
        while (i < path.Length)
        {
            string segment;
            if (path[i] == '.')
            {
                int end = path.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? path.Length : end;
                segment = path[(i + 1)..end];
                i = end;
            }
            else if (path[i] == '[')
            {
                int end = path.IndexOf(']', i);
                end = end < 0 ? path.Length - 1 : end;
                segment = path[(i + 1)..end].Trim('\'');
                i = end + 1;
            }
            else
            {
                break;
            }

            pointer.Append('/').Append(segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal));
        }

        return pointer.ToString();
    }
}

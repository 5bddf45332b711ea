using System.Globalization;

namespace SmartRetry.Infra.Tests.Arm;

/// <summary>Parses ARM template language expressions: literals, function calls, member and index access.</summary>
public static class ArmExpressionParser
{
    /// <summary>True when a template string is an expression (<c>[...]</c>) rather than a literal (<c>[[</c> escapes one).</summary>
    public static bool IsExpression(string text) =>
        text.Length >= 2 && text[0] == '[' && text[^1] == ']' && !text.StartsWith("[[", StringComparison.Ordinal);

    public static ArmExpressionNode Parse(string expression)
    {
        var reader = new Reader(expression[1..^1]);
        var node = reader.ParseExpression();
        reader.SkipWhitespace();
        if (!reader.AtEnd)
        {
            throw new FormatException($"Unexpected text at {reader.Position} in {expression}");
        }

        return node;
    }

    private sealed class Reader(string text)
    {
        public int Position { get; private set; }

        public bool AtEnd => Position >= text.Length;

        private char Current => text[Position];

        public void SkipWhitespace()
        {
            while (!AtEnd && char.IsWhiteSpace(Current))
            {
                Position++;
            }
        }

        public ArmExpressionNode ParseExpression()
        {
            var node = ParsePrimary();
            while (true)
            {
                SkipWhitespace();
                if (TryConsume('.'))
                {
                    node = new ArmProperty(node, ReadIdentifier());
                }
                else if (TryConsume('['))
                {
                    var index = ParseExpression();
                    Expect(']');
                    node = new ArmIndex(node, index);
                }
                else
                {
                    return node;
                }
            }
        }

        private ArmExpressionNode ParsePrimary()
        {
            SkipWhitespace();
            if (AtEnd)
            {
                throw new FormatException($"Expression ends early: {text}");
            }

            if (Current == '\'')
            {
                return new ArmLiteral(ReadString());
            }

            if (char.IsDigit(Current) || Current == '-')
            {
                var start = Position++;
                while (!AtEnd && char.IsDigit(Current))
                {
                    Position++;
                }

                return new ArmLiteral(long.Parse(text[start..Position], CultureInfo.InvariantCulture));
            }

            var name = ReadIdentifier();
            while (!AtEnd && Current == '.')
            {
                Position++;
                name += "." + ReadIdentifier();
            }

            SkipWhitespace();
            if (!TryConsume('('))
            {
                return name switch
                {
                    "true" => new ArmLiteral(true),
                    "false" => new ArmLiteral(false),
                    _ => throw new FormatException($"Expected '(' after {name} at {Position} in {text}"),
                };
            }

            var arguments = new List<ArmExpressionNode>();
            SkipWhitespace();
            if (!TryConsume(')'))
            {
                do
                {
                    arguments.Add(ParseExpression());
                    SkipWhitespace();
                }
                while (TryConsume(','));
                Expect(')');
            }

            return new ArmCall(name, arguments);
        }

        private string ReadIdentifier()
        {
            SkipWhitespace();
            var start = Position;
            while (!AtEnd && (char.IsLetterOrDigit(Current) || Current is '_' or '$'))
            {
                Position++;
            }

            return Position > start ? text[start..Position] : throw new FormatException($"Expected a name at {start} in {text}");
        }

        private string ReadString()
        {
            Position++;
            var value = new System.Text.StringBuilder();
            while (true)
            {
                if (AtEnd)
                {
                    throw new FormatException($"Unterminated string in {text}");
                }

                if (Current == '\'')
                {
                    Position++;
                    if (AtEnd || Current != '\'')
                    {
                        return value.ToString();
                    }
                }

                value.Append(Current);
                Position++;
            }
        }

        private bool TryConsume(char expected)
        {
            SkipWhitespace();
            if (!AtEnd && Current == expected)
            {
                Position++;
                return true;
            }

            return false;
        }

        private void Expect(char expected)
        {
            if (!TryConsume(expected))
            {
                throw new FormatException($"Expected '{expected}' at {Position} in {text}");
            }
        }
    }
}

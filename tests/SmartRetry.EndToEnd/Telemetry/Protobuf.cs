using System.Text;

namespace SmartRetry.EndToEnd.Telemetry;

/// <summary>
/// Just enough protobuf to read OTLP exports: a message as its fields, each a number with either an integer (varint,
/// fixed32, fixed64) or a length-delimited payload (strings, bytes, nested messages). The receiver needs no generated code.
/// </summary>
internal sealed class ProtoMessage
{
    private readonly List<ProtoField> fields = [];

    private ProtoMessage()
    {
    }

    public IReadOnlyList<ProtoField> Fields => fields;

    public static ProtoMessage Parse(ReadOnlyMemory<byte> bytes)
    {
        var message = new ProtoMessage();
        ReadOnlySpan<byte> span = bytes.Span;
        int position = 0;
        while (position < span.Length)
        {
            ulong key = ReadVarint(span, ref position);
            int number = (int)(key >> 3);
            switch ((int)(key & 7))
            {
                case 0:
                    message.fields.Add(new ProtoField(number, ReadVarint(span, ref position), default));
                    break;
                case 1:
                    message.fields.Add(new ProtoField(number, BitConverter.ToUInt64(span.Slice(position, 8)), default));
                    position += 8;
                    break;
                case 2:
                    int length = checked((int)ReadVarint(span, ref position));
                    message.fields.Add(new ProtoField(number, 0, bytes.Slice(position, length)));
                    position += length;
                    break;
                case 5:
                    message.fields.Add(new ProtoField(number, BitConverter.ToUInt32(span.Slice(position, 4)), default));
                    position += 4;
                    break;
                default:
                    throw new FormatException($"Unsupported protobuf wire type {key & 7} for field {number}.");
            }
        }

        return message;
    }

    public IEnumerable<ProtoMessage> Messages(int number) => fields.Where(f => f.Number == number).Select(f => Parse(f.Payload));

    public ProtoMessage? Message(int number) => Messages(number).FirstOrDefault();

    public string? String(int number) => fields.LastOrDefault(f => f.Number == number) is { } field ? Encoding.UTF8.GetString(field.Payload.Span) : null;

    public string Hex(int number) => fields.LastOrDefault(f => f.Number == number) is { } field ? Convert.ToHexStringLower(field.Payload.Span) : "";

    public ulong Integer(int number) => fields.LastOrDefault(f => f.Number == number)?.Integer ?? 0;

    public bool Has(int number) => fields.Any(f => f.Number == number);

    private static ulong ReadVarint(ReadOnlySpan<byte> span, ref int position)
    {
        ulong value = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            byte next = span[position++];
            value |= (ulong)(next & 0x7F) << shift;
            if ((next & 0x80) == 0)
            {
                return value;
            }
        }

        throw new FormatException("A varint is longer than 10 bytes.");
    }
}

internal sealed record ProtoField(int Number, ulong Integer, ReadOnlyMemory<byte> Payload);

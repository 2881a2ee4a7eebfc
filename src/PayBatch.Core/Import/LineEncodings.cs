using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace PayBatch.Core.Import;

/// <summary>
/// Tells a file's one encoding line by line, as its bytes stream past: each line with non-ASCII bytes
/// is valid UTF-8 or not (then Windows-1251). The majority decides; a line of the other kind breaks
/// the file and is named, rather than garbling the rest (a line of Cyrillic words in Windows-1251 is
/// practically never valid UTF-8 by accident).
/// </summary>
internal sealed class LineEncodings
{
    private readonly ArrayBufferWriter<byte> _carry = new();
    private int _line;
    private int _utf8Lines;
    private int _otherLines;
    private int _firstUtf8Line;
    private int _firstOtherLine;
    private bool? _bom;

    public void Add(ReadOnlySpan<byte> chunk)
    {
        _bom ??= chunk.StartsWith(Bom);
        int nl;
        while ((nl = chunk.IndexOf((byte)'\n')) >= 0)
        {
            if (_carry.WrittenCount == 0) Classify(chunk[..nl]);
            else
            {
                _carry.Write(chunk[..nl]);
                Classify(_carry.WrittenSpan);
                _carry.ResetWrittenCount();
            }
            chunk = chunk[(nl + 1)..];
        }
        _carry.Write(chunk);
    }

    /// <summary>The file's encoding once every byte was added; a line that breaks it is an error.</summary>
    public (Encoding? Encoding, string? Problem) Complete()
    {
        if (_carry.WrittenCount > 0) Classify(_carry.WrittenSpan);
        _carry.ResetWrittenCount();
        if (_bom == true)
            return _otherLines == 0
                ? (new UTF8Encoding(true), null)
                : (null, $"line {_firstOtherLine}: not UTF-8, while the file says it is (it starts with a UTF-8 byte order mark); a file is one encoding: save it again as UTF-8");
        if (_otherLines == 0) return (new UTF8Encoding(false), null);
        if (_utf8Lines == 0) return (Formats.Encodings.Windows1251, null);
        return _utf8Lines >= _otherLines
            ? (null, $"line {_firstOtherLine}: not UTF-8 like the other {_utf8Lines} line(s) with letters beyond ASCII (Windows-1251?); a file is one encoding: save it again as UTF-8")
            : (null, $"line {_firstUtf8Line}: UTF-8, while the other {_otherLines} line(s) with letters beyond ASCII are Windows-1251; a file is one encoding: save it again in one");
    }

    private static ReadOnlySpan<byte> Bom => [0xEF, 0xBB, 0xBF];

    private void Classify(ReadOnlySpan<byte> line)
    {
        _line++;
        if (!line.ContainsAnyInRange((byte)0x80, (byte)0xFF)) return;
        if (Utf8.IsValid(line))
        {
            if (_utf8Lines++ == 0) _firstUtf8Line = _line;
        }
        else if (_otherLines++ == 0) _firstOtherLine = _line;
    }
}

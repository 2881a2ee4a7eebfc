using System.Buffers;
using System.Text;
using System.Text.Unicode;
using PayBatch.Core.Localization;

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
    public (Encoding? Encoding, Said? Problem) Complete()
    {
        if (_carry.WrittenCount > 0) Classify(_carry.WrittenSpan);
        _carry.ResetWrittenCount();
        if (_bom == true)
            return _otherLines == 0
                ? (new UTF8Encoding(true), null)
                : (null, CoreText.NotUtf8DespiteBom.With(_firstOtherLine));
        if (_otherLines == 0) return (new UTF8Encoding(false), null);
        if (_utf8Lines == 0) return (Formats.Encodings.Windows1251, null);
        return _utf8Lines >= _otherLines
            ? (null, CoreText.NotUtf8LikeTheRest.With(_firstOtherLine, _utf8Lines))
            : (null, CoreText.Utf8AmongWindows1251.With(_firstUtf8Line, _otherLines));
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

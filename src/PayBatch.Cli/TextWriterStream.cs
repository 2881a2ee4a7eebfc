using System.Text;

namespace PayBatch.Cli;

/// <summary>
/// UTF-8 bytes written to a text writer (the console) as they come: a list of a million rows reaches the screen
/// without being one string first. A character split across two writes is held until its last byte arrives.
/// </summary>
public sealed class TextWriterStream(TextWriter writer) : Core.Output.WriteOnlyStream
{
    private readonly Decoder _decoder = Encoding.UTF8.GetDecoder();
    private char[] _chars = new char[4096];

    public override void Write(ReadOnlySpan<byte> buffer) => Decode(buffer, flush: false);

    /// <summary>Flushes the writer; a character still waiting for its last byte stays held (a JSON writer flushes every few hundred rows).</summary>
    public override void Flush() => writer.Flush();

    private void Decode(ReadOnlySpan<byte> bytes, bool flush)
    {
        var needed = _decoder.GetCharCount(bytes, flush);
        if (needed > _chars.Length) _chars = new char[Math.Max(needed, _chars.Length * 2)];
        var n = _decoder.GetChars(bytes, _chars, flush);
        writer.Write(_chars, 0, n);
    }

    /// <summary>Ends the text: a trailing incomplete character is written as U+FFFD, as <see cref="Encoding.GetString(byte[])"/> would.</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Decode([], flush: true);
            writer.Flush();
        }
        base.Dispose(disposing);
    }
}

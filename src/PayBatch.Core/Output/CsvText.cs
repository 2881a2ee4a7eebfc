using System.Text;

namespace PayBatch.Core.Output;

/// <summary>
/// Writes the CSV files PayBatch produces: RFC 4180 quoting, '\n' line ends, no BOM, so that the
/// same rows always give the same bytes. A CSV for people (the default) makes every cell inert that
/// a spreadsheet would run as a formula; bank files (<c>forPeople: false</c>) carry the
/// data exactly, which import guarantees holds no such cell.
/// </summary>
public sealed class CsvText(char delimiter = ',', bool forPeople = true)
{
    private readonly StringBuilder _sb = new();

    public CsvText Row(params IEnumerable<string?> fields)
    {
        var first = true;
        foreach (var f in fields)
        {
            if (!first) _sb.Append(delimiter);
            first = false;
            Field(f ?? "");
        }
        _sb.Append('\n');
        return this;
    }

    /// <summary>
    /// A cell starting with =, +, -, @, a tab or a carriage return gets a leading apostrophe (OWASP CSV
    /// injection). Amounts are never negative, so no amount is touched.
    /// </summary>
    public static string Inert(string f) => f.Length > 0 && f[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + f : f;

    private void Field(string f)
    {
        if (forPeople) f = Inert(f);
        if (f.AsSpan().IndexOfAny([delimiter, '"', '\n', '\r']) < 0)
        {
            _sb.Append(f);
            return;
        }
        _sb.Append('"').Append(f.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }

    public override string ToString() => _sb.ToString();

    /// <summary>The text as UTF-8, encoded straight from the builder (a bank file of a million rows is not copied into a string first).</summary>
    public byte[] ToUtf8()
    {
        var encoder = Encoding.UTF8.GetEncoder();
        var length = 0;
        foreach (var chunk in _sb.GetChunks()) length += encoder.GetByteCount(chunk.Span, flush: false);
        length += encoder.GetByteCount([], flush: true);
        encoder.Reset();
        var bytes = new byte[length];
        var at = 0;
        foreach (var chunk in _sb.GetChunks()) at += encoder.GetBytes(chunk.Span, bytes.AsSpan(at), flush: false);
        encoder.GetBytes([], bytes.AsSpan(at), flush: true);
        return bytes;
    }
}

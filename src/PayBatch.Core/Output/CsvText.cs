using System.Text;

namespace PayBatch.Core.Output;

/// <summary>
/// Writes the CSV files PayBatch produces: RFC 4180 quoting, '\n' line ends, no BOM, so that the
/// same rows always give the same bytes; a cell a spreadsheet would take for a formula is made inert.
/// </summary>
public sealed class CsvText(char delimiter = ',')
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

    private void Field(string f)
    {
        if (f.Length > 0 && f[0] is '=' or '+' or '-' or '@' or '\t' or '\r') f = "'" + f; // OWASP: a spreadsheet must not run it as a formula
        if (f.AsSpan().IndexOfAny([delimiter, '"', '\n', '\r']) < 0)
        {
            _sb.Append(f);
            return;
        }
        _sb.Append('"').Append(f.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }

    public override string ToString() => _sb.ToString();

    public byte[] ToUtf8() => Encoding.UTF8.GetBytes(_sb.ToString());
}

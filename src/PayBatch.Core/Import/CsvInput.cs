using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using PayBatch.Core.Domain;
using PayBatch.Core.Localization;

namespace PayBatch.Core.Import;

/// <summary>An input file that cannot be read: names the file, line and column. Nothing of it was applied.</summary>
public sealed class InputFileException(string file, IReadOnlyList<Said> problems)
    : InputException(CoreText.FileProblems, Path.GetFileName(file), problems.Count)
{
    public string File { get; } = file;
    public IReadOnlyList<Said> Problems { get; } = problems;

    public override string In(Lang lang) =>
        base.In(lang) + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", Problems.Select(p => p.In(lang)));
}

/// <summary>
/// Reads an input CSV the way SPEC fixes it: header row required, columns by name (any order,
/// unknown ones ignored), delimiter <c>,</c> or <c>;</c> from the header, UTF-8 (BOM or not) or
/// Windows-1251, dates <c>yyyy-MM-dd</c> or <c>dd.MM.yyyy</c>. Streams: a million rows never sit in memory.
/// </summary>
public sealed class CsvInput : IDisposable
{
    private const int MaxProblems = 20;
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd.MM.yyyy"];
    private readonly CsvReader _csv;
    private readonly Dictionary<string, int> _columns;
    private readonly List<Said> _problems = [];

    private readonly Stream _stream;
    private readonly long _length;

    private readonly int _lineOffset;

    private CsvInput(string path, CsvReader csv, Dictionary<string, int> columns, Stream stream, int lineOffset)
    {
        _lineOffset = lineOffset;
        Path = path;
        _csv = csv;
        _columns = columns;
        _stream = stream;
        _length = stream.Length;
    }

    public string Path { get; }

    /// <summary>The SHA-256 of the whole file, as read.</summary>
    public string Sha256 { get; private init; } = "";
    public string FileName => System.IO.Path.GetFileName(Path);
    /// <summary>The line of the file the current record ends on (a "sep=" hint line counted too).</summary>
    public int Line => _csv.Parser.RawRow + _lineOffset;

    /// <summary>How much of the file has been read, in percent (the reader's buffer position).</summary>
    public int Percent => _length == 0 ? 100 : (int)Math.Min(100, _stream.Position * 100 / _length);
    public IReadOnlyList<Said> Problems => _problems;
    public bool Full => _problems.Count >= MaxProblems;

    public static CsvInput Open(string path, IReadOnlyList<string> requiredColumns)
    {
        if (!File.Exists(path)) throw new InputException(CoreText.FileNotFound, path);
        var (encoding, sha256) = Inspect(path);
        var reader = new StreamReader(Resilience.OpenRead(path), encoding, detectEncodingFromByteOrderMarks: false);
        var header = reader.ReadLine();
        // Excel's "sep=;" hint line names the delimiter; the header follows it.
        var hint = header is { Length: 5 } && header.StartsWith("sep=", StringComparison.OrdinalIgnoreCase) ? header[4].ToString() : null;
        if (hint is not null) header = reader.ReadLine();
        if (string.IsNullOrWhiteSpace(header))
        {
            reader.Dispose();
            throw new InputFileException(path, [CoreText.HeaderMissing.With(hint is null ? 1 : 2)]);
        }
        var delimiter = hint ?? (header.Count(c => c == ';') > header.Count(c => c == ',') ? ";" : ",");
        reader.BaseStream.Position = 0;
        reader.DiscardBufferedData();
        if (hint is not null) reader.ReadLine();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter,
            HasHeaderRecord = true,
            DetectColumnCountChanges = false,
            MissingFieldFound = null,
            BadDataFound = null,
            IgnoreBlankLines = true,
            TrimOptions = TrimOptions.Trim,
            ExceptionMessagesContainRawData = false, // personal data stays out of messages
        };
        var csv = new CsvReader(reader, config);
        csv.Read();
        csv.ReadHeader();
        var names = csv.HeaderRecord ?? [];
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < names.Length; i++)
            columns.TryAdd(names[i].Trim().TrimStart('\uFEFF'), i);
        var missing = requiredColumns.Where(c => !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            csv.Dispose();
            throw new InputFileException(path, missing.Select(m => CoreText.ColumnMissing.With(hint is null ? 1 : 2, m)).ToList());
        }
        return new CsvInput(path, csv, columns, reader.BaseStream, lineOffset: hint is null ? 0 : 1) { Sha256 = sha256 };
    }

    /// <summary>UTF-8 when the bytes are valid UTF-8 (with or without BOM), else Windows-1251.</summary>
    public static Encoding DetectEncoding(string path) => Inspect(path).Encoding;

    /// <summary>
    /// One pass over the file for what must be known before parsing it: its encoding and its
    /// SHA-256 (kept with what the file changed).
    /// </summary>
    private static (Encoding Encoding, string Sha256) Inspect(string path)
    {
        using var stream = Resilience.OpenRead(path);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        var buffer = new byte[1 << 16];
        var chars = new char[buffer.Length + 4];
        var utf8 = true;
        var bom = false;
        var first = true;
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            if (first) bom = read >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF;
            first = false;
            if (!utf8 || bom) continue;
            try { decoder.GetChars(buffer, 0, read, chars, 0, flush: false); }
            catch (DecoderFallbackException) { utf8 = false; }
        }
        if (utf8 && !bom)
        {
            try { decoder.GetChars([], 0, 0, chars, 0, flush: true); }
            catch (DecoderFallbackException) { utf8 = false; }
        }
        var encoding = bom ? new UTF8Encoding(true) : utf8 ? new UTF8Encoding(false) : Formats.Encodings.Windows1251;
        return (encoding, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    public bool Read() => _csv.Read();

    private int Column(string name) => _columns[name];

    public void Problem(string column, Message message) => _problems.Add(CoreText.Cell.With(Line, column, Column(column) + 1, message));

    /// <summary>The trimmed text of a column; empty when the row is short.</summary>
    public string Text(string column) => (_csv.TryGetField<string>(Column(column), out var v) ? v : null)?.Trim() ?? "";

    public string? OptionalText(string column) => Text(column) is { Length: > 0 } t ? t : null;

    public string RequiredText(string column)
    {
        var t = Text(column);
        if (t.Length == 0) Problem(column, CoreText.IsEmpty);
        return t;
    }

    public DateOnly? OptionalDate(string column)
    {
        var t = Text(column);
        if (t.Length == 0) return null;
        if (DateOnly.TryParseExact(t, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        Problem(column, CoreText.NotADate);
        return null;
    }

    public DateOnly RequiredDate(string column)
    {
        if (Text(column).Length == 0)
        {
            Problem(column, CoreText.DateRequired);
            return default;
        }
        return OptionalDate(column) ?? default;
    }

    public void Dispose() => _csv.Dispose();
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using PayBatch.Core.Domain;
using PayBatch.Core.Localization;

namespace PayBatch.Core.Import;

/// <summary>
/// Reads an input CSV the way SPEC fixes it: header row required, columns by name (any order,
/// unknown ones ignored), delimiter <c>,</c> or <c>;</c> from the header, UTF-8 (BOM or not) or
/// Windows-1251, dates <c>yyyy-MM-dd</c> or <c>dd.MM.yyyy</c>. Streams: a million rows never sit in memory.
/// Every field read is checked against <see cref="FieldRules"/> once per row.
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

    /// <summary>The record each column was last checked in: a field read twice is reported once.</summary>
    private readonly int[] _checkedIn;
    private readonly FieldRules.Rule?[] _rules; // each column's, looked up once
    private int _record;
    private int _previousEnd;

    private CsvInput(string path, CsvReader csv, Dictionary<string, int> columns, Stream stream, int lineOffset)
    {
        _lineOffset = lineOffset;
        _checkedIn = new int[columns.Count == 0 ? 0 : columns.Values.Max() + 1];
        _rules = new FieldRules.Rule?[_checkedIn.Length];
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
        var (encoding, sha256, encodingProblem) = Inspect(path);
        if (encodingProblem is not null) throw new InputFileException(path, [encodingProblem]);
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
        var headerLine = hint is null ? 1 : 2;
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var problems = new List<Said>();
        for (var i = 0; i < names.Length; i++)
        {
            var name = names[i].Trim().TrimStart('\uFEFF');
            if (!columns.TryAdd(name, i) && requiredColumns.Contains(name, StringComparer.OrdinalIgnoreCase))
                problems.Add(CoreText.DuplicateColumn.With(headerLine, name, i + 1, columns[name] + 1));
        }
        problems.AddRange(requiredColumns.Where(c => !columns.ContainsKey(c)).Select(m => CoreText.ColumnMissing.With(headerLine, m)));
        if (problems.Count > 0)
        {
            csv.Dispose();
            throw new InputFileException(path, problems);
        }
        return new CsvInput(path, csv, columns, reader.BaseStream, lineOffset: hint is null ? 0 : 1) { Sha256 = sha256 };
    }

    /// <summary>UTF-8 when the bytes are valid UTF-8 (with or without BOM), else Windows-1251.</summary>
    public static Encoding DetectEncoding(string path)
    {
        var (encoding, _, problem) = Inspect(path);
        return problem is null ? encoding : throw new InputFileException(path, [problem]);
    }

    /// <summary>
    /// One pass over the file for what must be known before parsing it: its encoding (or the line that
    /// breaks it) and its SHA-256 (kept with what the file changed).
    /// </summary>
    private static (Encoding Encoding, string Sha256, Said? Problem) Inspect(string path)
    {
        using var stream = Resilience.OpenRead(path);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var lines = new LineEncodings();
        var buffer = new byte[1 << 16];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            lines.Add(buffer.AsSpan(0, read));
        }
        var (encoding, problem) = lines.Complete();
        return (encoding ?? Encoding.UTF8, Convert.ToHexStringLower(hash.GetHashAndReset()), problem);
    }

    public bool Read()
    {
        _record++;
        _previousEnd = Line;
        return _csv.Read();
    }

    /// <summary>
    /// A column's index by its name. The readers name columns by literals, the same string each row: looked up by the
    /// string itself first, before the case-blind lookup (20 million lookups for a million rows of twenty fields).
    /// </summary>
    private int Column(string name)
    {
        if (_named.TryGetValue(name, out var index)) return index;
        index = _columns[name];
        if (_named.Count < 64) _named[name] = index; // a name made afresh each row would otherwise be kept each time
        return index;
    }

    private readonly Dictionary<string, int> _named = new(ReferenceEqualityComparer.Instance);

    /// <summary>The line the current record starts on: an open quote may have carried it over several lines.</summary>
    private int StartLine => (_csv.Parser.RawRecord ?? "").Count(c => c == '\n') <= 1 ? Line : _previousEnd + 1;

    public void Problem(string column, Said what) => _problems.Add(CoreText.Cell.With(StartLine, column, Column(column) + 1, what));

    public void Problem(string column, Message what) => Problem(column, what.With());

    /// <summary>The trimmed text of a column; empty when the row is short.</summary>
    public string Text(string column)
    {
        var index = Column(column);
        // The parser's field as read: what TryGetField<string> gives under this configuration (no null values, no
        // missing-field callback), without its converter lookup and try/catch per field (20 million fields a million rows).
        var parser = _csv.Parser;
        var raw = index < parser.Count ? parser[index] : null;
        if (raw is null) return "";
        if (_checkedIn[index] != _record)
        {
            _checkedIn[index] = _record;
            if (raw.AsSpan().IndexOfAny('\n', '\r') >= 0) Problem(column, CoreText.UnbalancedQuote);
            else if (FieldRules.Check(_rules[index] ??= FieldRules.For(column), raw) is { } wrong) Problem(column, wrong);
        }
        return raw.Trim();
    }

    public string? OptionalText(string column) => Text(column) is { Length: > 0 } t ? t : null;

    public string RequiredText(string column)
    {
        var t = Text(column);
        if (t.Length == 0) Problem(column, CoreText.IsEmpty);
        return t;
    }

    public DateOnly? OptionalDate(string column) => Date(column, Text(column));

    private DateOnly? Date(string column, string t)
    {
        if (t.Length == 0) return null;
        if (TryParseDate(t, out var d)) return d;
        Problem(column, CoreText.NotADate);
        return null;
    }

    /// <summary>
    /// yyyy-MM-dd or dd.MM.yyyy. Ten digits and separators in place are read digit by digit (a registry of a
    /// million rows carries five million dates); anything else is left to <see cref="DateOnly.TryParseExact(string?, string[], IFormatProvider?, DateTimeStyles, out DateOnly)"/>.
    /// Both give the same answer for every text (FastPathTests).
    /// </summary>
    internal static bool TryParseDate(string t, out DateOnly date)
    {
        if (t.Length == 10 && t[4] == '-' && t[7] == '-') return DateDigits.TryRead(t, 0, 5, 8, out date);
        if (t.Length == 10 && t[2] == '.' && t[5] == '.') return DateDigits.TryRead(t, 6, 3, 0, out date);
        return DateOnly.TryParseExact(t, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    public DateOnly RequiredDate(string column)
    {
        var t = Text(column);
        if (t.Length == 0)
        {
            Problem(column, CoreText.DateRequired);
            return default;
        }
        return Date(column, t) ?? default;
    }

    public void Dispose() => _csv.Dispose();
}

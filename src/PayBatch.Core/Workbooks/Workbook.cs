using PayBatch.Core.Domain;
using PayBatch.Core.Output;
using PayBatch.Core.Persistence;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;
using PayBatch.Core.Localization;

namespace PayBatch.Core.Workbooks;

/// <summary>What a column holds, which decides its cell type and number format.</summary>
public enum CellKind { Text, Count, Money, Percent, Date }

/// <summary>A column of a sheet: its header in the report's language, its kind and a readable width (characters).</summary>
public sealed record Column(string Header, CellKind Kind, int Width);

/// <summary>
/// An Excel workbook written as it goes (SpreadCheetah streams each row into the zip), so a million
/// payments never sit in memory. Every sheet has its header row frozen and under an autofilter; text
/// is always a text cell (an IIN keeps its leading zero, "=1+1" stays text), nothing is a formula.
/// </summary>
public sealed class Workbook
{
    /// <summary>Excel's 1,048,576 rows less the header.</summary>
    public const int ExcelDataRows = 1_048_575;

    private readonly Spreadsheet _sheet;
    private readonly StyleId _header, _money, _count, _percent, _date;
    private readonly CancellationToken _ct;

    private Workbook(Spreadsheet sheet, bool dayFirst, CancellationToken ct)
    {
        _sheet = sheet;
        _ct = ct;
        _header = sheet.AddStyle(new Style { Font = { Bold = true } });
        _money = sheet.AddStyle(new Style { Format = NumberFormat.Custom("#,##0.00") });
        _count = sheet.AddStyle(new Style { Format = NumberFormat.Custom("#,##0") });
        // One decimal as measured; an indicator the department entered keeps up to three (4.1 may be 0.02).
        _percent = sheet.AddStyle(new Style { Format = NumberFormat.Custom("0.0##") });
        _date = sheet.AddStyle(new Style { Format = NumberFormat.Custom(dayFirst ? "dd.mm.yyyy" : "yyyy-mm-dd") });
    }

    /// <summary>Data rows per sheet before a table continues on the next sheet (lowered by tests only).</summary>
    private int MaxDataRows { get; init; }

    /// <summary>
    /// Writes the workbook to <paramref name="path"/>: a temporary file beside it, moved over it once
    /// complete, readable by its owner only. The folder must exist.
    /// </summary>
    public static Task WriteAsync(string path, bool dayFirst, Func<Workbook, Task> content, CancellationToken ct) =>
        WriteAsync(path, dayFirst, content, ct, ExcelDataRows);

    internal static Task WriteAsync(string path, bool dayFirst, Func<Workbook, Task> content, CancellationToken ct, int maxDataRows) =>
        AtomicFile.WriteAsync(path, async stream =>
        {
            var options = new SpreadCheetahOptions { DocumentProperties = null, CompressionLevel = SpreadCheetahCompressionLevel.Optimal, WriteCellReferenceAttributes = true };
            await using var spreadsheet = await Spreadsheet.CreateNewAsync(stream, options, ct).ConfigureAwait(false);
            await content(new Workbook(spreadsheet, dayFirst, ct) { MaxDataRows = maxDataRows }).ConfigureAwait(false);
            await spreadsheet.FinishAsync(ct).ConfigureAwait(false);
        });

    /// <summary>
    /// Where a command's <c>--file</c> of <paramref name="format"/> goes (<see cref="CheckTarget"/>), checked before any work;
    /// null when there is none (a text format to the screen alone). A workbook needs one; <paramref name="name"/> names the
    /// example a folder is told to hold.
    /// </summary>
    public static string? CheckFile(string? path, string format, string name) =>
        path is null && format != "xlsx" ? null : CheckTarget(path, $"{name}.{format}", folderMade: format != "xlsx");

    /// <summary>
    /// Where a workbook, or any --file, may go, checked before any work: a file (not a folder) in a folder that exists
    /// and can be written. Anything else is bad input, and nothing is written. <paramref name="example"/> is the file's
    /// name a folder is told to hold. A text file's folder that does not exist yet is made when the file is written
    /// (<paramref name="folderMade"/>), as it always was.
    /// </summary>
    public static string CheckTarget(string? path, string example, bool folderMade = false)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new InputException(CoreText.WorkbookNeedsFile);
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full)) throw new InputException(CoreText.WorkbookIsFolder, path, Path.Combine(path, example));
        var folder = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder))
        {
            if (!folderMade) throw new InputException(CoreText.WorkbookNoFolder, path, folder);
            AtomicFile.RequireWritable(folder); // a file where one of its folders would be, a folder not to be written
            return full;
        }
        try { AtomicFile.ProbeWritable(full); }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new InputException(CoreText.WorkbookCannotWrite, path, folder, e.Message);
        }
        return full;
    }

    public Cell Text(string? s) => new(s);
    public Cell Count(int? n) => new(n, _count);
    public Cell Money(Tenge? t) => new(t?.Amount, _money);
    public Cell Percent(decimal? p) => new(p, _percent);
    public Cell Date(DateOnly? d) => new(d?.ToDateTime(TimeOnly.MinValue), _date);

    /// <summary>A small sheet: its header and the rows given.</summary>
    public async Task SheetAsync(string name, IReadOnlyList<Column> columns, IReadOnlyList<Cell[]> rows)
    {
        await StartAsync(name, columns, rows.Count).ConfigureAwait(false);
        foreach (var row in rows) await _sheet.AddRowAsync(row, _ct).ConfigureAwait(false);
    }

    /// <summary>
    /// A table of <paramref name="count"/> rows streamed from <paramref name="rows"/>; past Excel's row
    /// limit it goes on in "NAME (2)", "NAME (3)"… with the same header. <paramref name="rows"/> are enumerated on a
    /// thread of their own (reading the database, when they come from it) while this one writes and compresses the
    /// rows before them (<see cref="RowHandover"/>; the quarter's workbook of 924,342 payments: 10.3–10.6 → 9.4–9.6 s, most
    /// of it compressing 650 MB of XML). <paramref name="fill"/> writes one item into the row buffer, which is reused.
    /// </summary>
    public async Task TableAsync<T>(string name, IReadOnlyList<Column> columns, int count, IEnumerable<T> rows, Action<T, Cell[]> fill)
    {
        var buffer = new Cell[columns.Count];
        var part = 1;
        var inSheet = 0;
        await StartAsync(name, columns, Math.Min(count, MaxDataRows)).ConfigureAwait(false);
        await RowHandover.RunAsync(rows, async chunk =>
        {
            foreach (var item in chunk)
            {
                if (inSheet == MaxDataRows)
                {
                    part++;
                    inSheet = 0;
                    await StartAsync($"{name} ({part})", columns, Math.Clamp(count - ((part - 1) * MaxDataRows), 0, MaxDataRows)).ConfigureAwait(false);
                }
                fill(item, buffer);
                await _sheet.AddRowAsync(buffer, _ct).ConfigureAwait(false);
                inSheet++;
            }
        }, _ct).ConfigureAwait(false);
    }

    private async Task StartAsync(string name, IReadOnlyList<Column> columns, int dataRows)
    {
        var options = new WorksheetOptions
        {
            FrozenRows = 1,
            AutoFilter = new AutoFilterOptions($"A1:{ColumnName(columns.Count)}{Math.Max(1, dataRows) + 1}"),
        };
        for (var i = 0; i < columns.Count; i++)
            options.Column(i + 1).Width = Math.Min(255, Math.Max(columns[i].Width, columns[i].Header.Length + 3)); // + the filter button
        await _sheet.StartWorksheetAsync(name, options, _ct).ConfigureAwait(false);
        await _sheet.AddHeaderRowAsync(columns.Select(c => c.Header).ToArray(), _header, _ct).ConfigureAwait(false);
    }

    /// <summary>1 → A, 26 → Z, 27 → AA.</summary>
    internal static string ColumnName(int number)
    {
        var name = "";
        for (; number > 0; number = (number - 1) / 26) name = (char)('A' + ((number - 1) % 26)) + name;
        return name;
    }
}

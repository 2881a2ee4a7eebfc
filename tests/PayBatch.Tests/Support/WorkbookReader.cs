using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace PayBatch.Tests.Support;

/// <summary>One cell as an independent reader sees it: its type (text or number), raw value and number format.</summary>
public sealed record ReadCell(string Reference, string Type, string Value, string Format, bool Bold);

/// <summary>One sheet as read back: its name, frozen pane, autofilter, column widths and cells.</summary>
public sealed record ReadSheet(string Name, string? FrozenTopLeft, string? AutoFilter, IReadOnlyList<double> Widths, IReadOnlyList<ReadCell> Cells)
{
    public IEnumerable<ReadCell> Column(string letter) =>
        Cells.Where(c => c.Reference.StartsWith(letter, StringComparison.Ordinal) && char.IsDigit(c.Reference[letter.Length]));

    public ReadCell this[string reference] => Cells.Single(c => c.Reference == reference);
}

/// <summary>
/// Reads a workbook with the OpenXML SDK, independently of the writer: the SDK's validator must
/// find no error and no cell may hold a formula; then every sheet and cell is read back, and can
/// be dumped as text for a golden file.
/// </summary>
public static class WorkbookReader
{
    public static IReadOnlyList<ReadSheet> Read(string path)
    {
        using var doc = SpreadsheetDocument.Open(path, isEditable: false);
        var errors = new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, "OpenXML validator:\n" + string.Join('\n', errors.Take(20)));

        var wb = doc.WorkbookPart!;
        var stylesheet = wb.WorkbookStylesPart!.Stylesheet!;
        var formats = stylesheet.NumberingFormats?.Elements<NumberingFormat>().ToDictionary(n => n.NumberFormatId!.Value, n => n.FormatCode!.Value!) ?? [];
        var fonts = stylesheet.Fonts!.Elements<Font>().ToList();
        var xfs = stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var shared = wb.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];

        var sheets = new List<ReadSheet>();
        foreach (var sheet in wb.Workbook!.Sheets!.Elements<Sheet>())
        {
            var ws = ((WorksheetPart)wb.GetPartById(sheet.Id!)).Worksheet!;
            var pane = ws.GetFirstChild<SheetViews>()?.Elements<SheetView>().FirstOrDefault()?.GetFirstChild<Pane>();
            var frozen = pane?.State?.Value == PaneStateValues.Frozen ? pane.TopLeftCell?.Value : null;
            var widths = ws.GetFirstChild<Columns>()?.Elements<DocumentFormat.OpenXml.Spreadsheet.Column>().Select(c => c.Width?.Value ?? 0).ToList() ?? [];
            var cells = new List<ReadCell>();
            foreach (var cell in ws.Descendants<Cell>())
            {
                Assert.True(cell.CellFormula is null, $"{sheet.Name}!{cell.CellReference}: a formula");
                if (cell.CellValue is null && cell.InlineString is null) continue; // an empty cell
                var xf = xfs[(int)(cell.StyleIndex?.Value ?? 0)];
                var fmtId = xf.NumberFormatId?.Value ?? 0;
                var format = formats.TryGetValue(fmtId, out var code) ? code : $"builtin {fmtId}";
                var bold = fonts[(int)(xf.FontId?.Value ?? 0)].Bold is not null;
                var type = cell.DataType?.Value;
                var (t, value) = type == CellValues.InlineString ? ("text", cell.InlineString!.InnerText)
                    : type == CellValues.SharedString ? ("text", shared[int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture)])
                    : type == CellValues.String ? ("text", cell.CellValue!.Text)
                    : type is null || type == CellValues.Number ? ("number", cell.CellValue!.Text)
                    : (type.ToString()!, cell.CellValue?.Text ?? "");
                cells.Add(new ReadCell(cell.CellReference!.Value!, t, value, format, bold));
            }
            sheets.Add(new ReadSheet(sheet.Name!.Value!, frozen, ws.GetFirstChild<AutoFilter>()?.Reference?.Value, widths, cells));
        }
        return sheets;
    }

    /// <summary>Every sheet and every cell, one per line: reference, type, value (dates also as ISO), format.</summary>
    public static string Dump(IReadOnlyList<ReadSheet> sheets)
    {
        var sb = new StringBuilder();
        foreach (var s in sheets)
        {
            sb.Append(CultureInfo.InvariantCulture, $"== {s.Name} | frozen {s.FrozenTopLeft} | autofilter {s.AutoFilter} | widths {string.Join(' ', s.Widths)}\n");
            foreach (var c in s.Cells)
            {
                var shown = c.Type == "number" && c.Format.Contains("yy", StringComparison.Ordinal)
                    ? $"{c.Value} ({DateOnly.FromDateTime(DateTime.FromOADate(double.Parse(c.Value, CultureInfo.InvariantCulture))):yyyy-MM-dd})"
                    : c.Value;
                sb.Append(CultureInfo.InvariantCulture, $"{c.Reference} {c.Type}{(c.Bold ? " bold" : "")} [{c.Format}] {shown}\n");
            }
        }
        return sb.ToString();
    }
}

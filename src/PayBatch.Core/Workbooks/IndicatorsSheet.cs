using PayBatch.Core.Reporting;

namespace PayBatch.Core.Workbooks;

/// <summary>Appendix 2 as a sheet: the twelve rows (id, text, normative, target, value), numbers as numbers.</summary>
public static class IndicatorsSheet
{
    public static Task WriteAsync(Workbook wb, IReadOnlyList<IndicatorRow> rows, Labels l) =>
        wb.SheetAsync(l["sheetIndicators"],
            [new("№", CellKind.Text, 6), new(l["indicatorText"], CellKind.Text, 80), new(l["normative"], CellKind.Percent, 12),
             new(l["target"], CellKind.Percent, 12), new(l["current"], CellKind.Percent, 12)],
            rows.Select(r => new[]
            {
                wb.Text(r.Id), wb.Text(r.Definition.Text(l.Lang)), wb.Percent(r.Normative), wb.Percent(r.Target),
                r.Value is { } v ? wb.Percent(v) : wb.Text(l["notMeasured"]), // a person reads why the cell has no number
            }).ToList());
}

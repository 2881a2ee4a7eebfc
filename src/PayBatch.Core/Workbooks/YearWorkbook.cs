using PayBatch.Core.Persistence;
using PayBatch.Core.Domain;
using PayBatch.Core.Reporting;
using SpreadCheetah;

namespace PayBatch.Core.Workbooks;

/// <summary>
/// The annual report as a workbook, sheets in SPEC's order: the four quarters side by side with the
/// year's totals, Appendix 2, then each quarter's payments (as the quarter's workbook writes them).
/// </summary>
public static class YearWorkbook
{
    public static async Task WriteAsync(Workbook wb, YearFigures y, Labels l, PlainDb db, BankingCalendar calendar)
    {
        Column[] columns =
        [
            new(l["figure"], CellKind.Text, 60), .. y.Quarters.Select(q => new Column(q.Quarter.ToString(), CellKind.Count, 16)),
            new(l["yearTotal"], CellKind.Count, 18),
        ];
        await wb.SheetAsync(l["byQuarter"], columns, Rows(wb, y, l)).ConfigureAwait(false);
        await IndicatorsSheet.WriteAsync(wb, y.Indicators, l).ConfigureAwait(false);
        foreach (var q in y.Quarters)
            await QuarterWorkbook.PaymentsAsync(wb, $"{l["sheetPayments"]} {q.Quarter}", l, db, calendar, q.Quarter, y.AsOf).ConfigureAwait(false);
    }

    private static List<Cell[]> Rows(Workbook wb, YearFigures y, Labels l)
    {
        var none = wb.Text(null);
        Cell[] Dated(string label, DateOnly date) => [wb.Text(label), none, none, none, none, wb.Date(date)];
        Cell[] Figure(string label, Func<PaymentTotals, Cell> cell) => [wb.Text(label), .. y.Quarters.Select(q => cell(q.Totals)), cell(y.Totals)];
        string Amount(string key) => $"{l["amount"]}: {l[key]}";
        return
        [
            Dated(l["asOf"], y.AsOf),
            Dated(y.IsLate ? l["lateReport"] : l["due"], y.Due),
            Figure(l["issued"], t => wb.Count(t.Issued)),
            Figure(l["credited"], t => wb.Count(t.Credited)),
            Figure(l["rejected"], t => wb.Count(t.Rejected)),
            Figure(l["returned"], t => wb.Count(t.Returned)),
            Figure(l["reissued"], t => wb.Count(t.Reissued)),
            Figure(Amount("issued"), t => wb.Money(t.IssuedAmount)),
            Figure(Amount("credited"), t => wb.Money(t.CreditedAmount)),
            Figure(Amount("rejected"), t => wb.Money(t.RejectedAmount)),
            Figure(Amount("returned"), t => wb.Money(t.ReturnedAmount)),
            Figure(l["onTime"], t => wb.Count(t.OnTime)),
            Figure(l["late"], t => wb.Count(t.Late)),
            Figure(l["overdue"], t => wb.Count(t.Overdue)),
            Figure(l["pending"], t => wb.Count(t.Pending)),
            Figure(l["indicator"], t => wb.Percent(t.OnTimePercent)),
        ];
    }
}

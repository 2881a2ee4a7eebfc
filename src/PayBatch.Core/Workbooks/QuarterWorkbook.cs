using PayBatch.Core.Domain;
using PayBatch.Core.Persistence;
using PayBatch.Core.Reconciliation;
using PayBatch.Core.Reporting;
using SpreadCheetah;

namespace PayBatch.Core.Workbooks;

/// <summary>
/// The quarterly report as a workbook, sheets in SPEC's order: summary, payments (the columns of
/// reconciliation.csv), the cases not paid, by district, by bank, Appendix 2.
/// </summary>
public static class QuarterWorkbook
{
    public static async Task WriteAsync(Workbook wb, ReportFigures f, Labels l, PlainDb db, BankingCalendar calendar)
    {
        await wb.SheetAsync(l["summary"], SummaryColumns(l), SummaryRows(wb, f, l)).ConfigureAwait(false);
        await PaymentsAsync(wb, l["sheetPayments"], l, db, calendar, f.Quarter, f.AsOf).ConfigureAwait(false);
        await wb.SheetAsync(l["sheetUnpaid"], [new(l["caseId"], CellKind.Text, 14), new(l["childIin"], CellKind.Text, 14), new(l["reasons"], CellKind.Text, 60)],
            f.UnpaidCases.Select(u => new[] { wb.Text(u.CaseId), wb.Text(u.ChildIin), wb.Text(string.Join("; ", u.Reasons.Select(l.Reason))) }).ToList()).ConfigureAwait(false);
        await CountAmountAsync(wb, l["byDistrict"], l["district"], 30, f.ByDistrict, l).ConfigureAwait(false);
        await CountAmountAsync(wb, l["byBank"], l["bic"], 12, f.ByBank, l).ConfigureAwait(false);
        await IndicatorsSheet.WriteAsync(wb, f.Indicators, l).ConfigureAwait(false);
    }

    internal static Column[] SummaryColumns(Labels l) =>
        [new(l["item"], CellKind.Text, 60), new(l["count"], CellKind.Count, 14), new(l["amount"], CellKind.Money, 18), new(l["percent"], CellKind.Percent, 10)];

    private static List<Cell[]> SummaryRows(Workbook wb, ReportFigures f, Labels l)
    {
        var none = wb.Text(null);
        Cell[] Row(string label, Cell count, Cell amount, Cell percent) => [wb.Text(label), count, amount, percent];
        var rows = new List<Cell[]>
        {
            Row(l["quarter"], wb.Text(f.Quarter.ToString()), none, none),
            Row(l["asOf"], wb.Date(f.AsOf), none, none),
            Row(f.IsLate ? l["lateReport"] : l["due"], wb.Date(f.Due), none, none), // as every form of the report states it
            Row(l["issued"], wb.Count(f.Issued), wb.Money(f.IssuedAmount), none),
            Row(l["credited"], wb.Count(f.Credited), wb.Money(f.CreditedAmount), none),
            Row(l["rejected"], wb.Count(f.Rejected), wb.Money(f.RejectedAmount), none),
            Row(l["returned"], wb.Count(f.Returned), wb.Money(f.ReturnedAmount), none),
            Row(l["reissued"], wb.Count(f.Reissued), none, none),
            Row(l["onTime"], wb.Count(f.OnTime), none, none),
            Row(l["late"], wb.Count(f.Late), none, none),
            Row(l["overdue"], wb.Count(f.Overdue), none, none),
            Row(l["pending"], wb.Count(f.Pending), none, none),
            Row(l["indicator"], none, none, wb.Percent(f.OnTimePercent)),
            Row(l["normative"], none, none, wb.Percent(ReportFigures.NormativePercent)),
            Row(l["decisions"], wb.Count(f.DecisionsWithin5Days), none, wb.Percent(f.DecisionsWithin5DaysPercent)),
        };
        rows.AddRange(f.Exclusions.Select(e => Row($"{l["exclusions"]}: {l.Reason(e.Reason)}", wb.Count(e.Count), none, none)));
        return rows;
    }

    private static Task CountAmountAsync(Workbook wb, string sheet, string key, int keyWidth, IReadOnlyList<CountAmount> rows, Labels l) =>
        wb.SheetAsync(sheet, [new(key, CellKind.Text, keyWidth), new(l["count"], CellKind.Count, 12), new(l["amount"], CellKind.Money, 18)],
            rows.Select(r => new[] { wb.Text(r.Key), wb.Count(r.Count), wb.Money(r.Amount) }).ToList());

    /// <summary>
    /// One row per payment of the quarter, streamed from the database in reference order with its
    /// SLA position as of the report's date: the columns of reconciliation.csv, in their order.
    /// </summary>
    public static async Task PaymentsAsync(Workbook wb, string sheet, Labels l, PlainDb db, BankingCalendar calendar, Quarter quarter, DateOnly asOf)
    {
        var count = checked((int)PlainReads.PaymentsOf(db, quarter.ToString()));
        Column[] columns =
        [
            new(l["reference"], CellKind.Text, 18), new(l["caseId"], CellKind.Text, 12), new(l["childIin"], CellKind.Text, 14),
            new(l["bic"], CellKind.Text, 10), new(l["iban"], CellKind.Text, 24), new(l["amount"], CellKind.Money, 14),
            new(l["valueDate"], CellKind.Date, 12), new(l["status"], CellKind.Text, 20), new(l["creditedOn"], CellKind.Date, 12),
            new(l["bankingDays"], CellKind.Count, 8), new(l["deadline"], CellKind.Date, 12), new(l["slaStatus"], CellKind.Text, 18),
            new(l["reason"], CellKind.Text, 10),
        ];
        // Each payment's state and SLA position are worked out on the reading thread, beside its reading.
        var payments = PlainReads.PaymentStates(db, [quarter.ToString()]).Select(p => (p, Sla.Of(p, asOf, calendar)));
        await wb.TableAsync(sheet, columns, count, payments, (payment, row) =>
        {
            var (p, (sla, days, deadline)) = payment;
            row[0] = wb.Text(p.Reference.ToString());
            row[1] = wb.Text(p.CaseId);
            row[2] = wb.Text(p.ChildIin.Value);
            row[3] = wb.Text(p.Bic.Value);
            row[4] = wb.Text(p.Iban.Value);
            row[5] = wb.Money(p.Amount);
            row[6] = wb.Date(p.ValueDate);
            row[7] = wb.Text(l.Status(p.Status));
            row[8] = wb.Date(p.CreditedOn);
            row[9] = wb.Count(days);
            row[10] = wb.Date(deadline);
            row[11] = wb.Text(sla is { } s ? l.Sla(s) : null);
            row[12] = wb.Text(p.Reason);
        }).ConfigureAwait(false);
    }
}

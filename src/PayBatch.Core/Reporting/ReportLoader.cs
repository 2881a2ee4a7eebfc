using PayBatch.Core.Batches;
using PayBatch.Core.Domain;
using PayBatch.Core.Eligibility;
using PayBatch.Core.Persistence;
using PayBatch.Core.Reconciliation;

namespace PayBatch.Core.Reporting;

/// <summary>Reads what a quarter's report is computed from; the only part of the report that touches the database.</summary>
public static class ReportLoader
{
    public static ReportInput Load(PlainDb db, Quarter q, CancellationToken ct)
    {
        var qs = q.ToString();
        var payments = Payments(db, qs, ct);
        var exclusions = PlainReads.LatestRunBatch(db, qs) is { } latestRun
            ? PlainReads.ExclusionsOfBatch(db, latestRun).Select(e => new Exclusion(e.CaseId, e.ChildIin, Reasons.Split(e.Reasons))).ToList()
            : [];
        var decisions = PlainReads.DecidedBy(db, q.LastDay);
        var batches = PlainReads.BatchHeadsOfQuarter(db, qs);
        var debited = PlainReads.DebitSums(db, [.. batches.Select(b => b.Id)]).ToDictionary(x => x.Batch, x => x.SumTiyn);
        var batchFigures = batches.Select(b => new BatchDebitFigures($"{b.Quarter}-{b.Number:00}", new Tenge(b.TotalTiyn),
            debited.TryGetValue(b.Id, out var d) ? new Tenge(d) : null)).ToList();
        var releases = Release.ReleaseRecord.Load(db, batches);
        var mismatched = PlainReads.PaymentsNamedInMismatch(db, qs);
        return new ReportInput(payments, exclusions, decisions, batchFigures, releases, mismatched);
    }

    /// <summary>
    /// The quarter's payments as <see cref="ReportFigures.Compute"/> reads them: one row at a time, when it
    /// reads them (after every other query of the report), never all held at once.
    /// </summary>
    private static IEnumerable<PaymentState> Payments(PlainDb db, string quarter, CancellationToken ct)
    {
        foreach (var p in PlainReads.PaymentStates(db, [quarter]))
        {
            ct.ThrowIfCancellationRequested();
            yield return p;
        }
    }

    /// <summary>Load, then compute: the figures of a quarter as of a date.</summary>
    public static ReportFigures Figures(PlainDb db, BankingCalendar calendar, Quarter q, DateOnly asOf, decimal coefficient,
        IndicatorSettings indicators, CancellationToken ct) =>
        ReportFigures.Compute(q, asOf, coefficient, Load(db, q, ct), calendar, indicators);

    /// <summary>The four quarters of a year, then the year's figures.</summary>
    public static YearFigures Year(PlainDb db, BankingCalendar calendar, int year, DateOnly asOf, decimal coefficient,
        IndicatorSettings indicators, CancellationToken ct)
    {
        var quarters = new List<ReportFigures>(4);
        for (var n = 1; n <= 4; n++) quarters.Add(Figures(db, calendar, new Quarter(year, n), asOf, coefficient, indicators, ct));
        return YearFigures.Compute(year, asOf, quarters, indicators);
    }

    /// <summary>The approved cases without a certificate for the quarter, and their children's latest certificates, each read as a stream.</summary>
    public static IReadOnlyList<MissingCertificate> MissingCertificatesOf(PayBatchDb db, Quarter q, CancellationToken ct)
    {
        var qs = q.ToString();
        var cases = db.ApprovedCasesWithoutCertificate(qs)
            .Select(c => new RegistryCase(c.CaseId, c.District, c.ApplicantName, c.ChildIin, c.ChildName, c.Status)).AsEnumerable();
        var certificates = db.CertificatesOfApprovedChildrenWithout(qs)
            .Select(c => new CertificateOf(c.ChildIin, c.Quarter, c.IssuedOn, c.School)).AsEnumerable();
        return MissingCertificates.Compute(q, cases, certificates, ct);
    }

    /// <summary>What the status screen is computed from.</summary>
    public static QuarterStatus Status(PlainDb db, BankingCalendar calendar, Quarter q, DateOnly asOf, CancellationToken ct)
    {
        var qs = q.ToString();
        var approved = checked((int)PlainReads.ApprovedCases(db));
        var missing = checked((int)PlainReads.ApprovedCasesWithoutCertificate(db, qs));
        var rows = PlainReads.BatchHeadsOfQuarter(db, qs);
        var releases = Release.ReleaseRecord.Load(db, rows);
        var batches = rows.Zip(releases)
            .Select(x => new BatchStatus(x.Second.Batch, x.First.State, x.First.ValueDate, x.First.Count, new Tenge(x.First.TotalTiyn),
                calendar.AddBankingDays(x.First.ValueDate, Sla.DeadlineBankingDays), x.Second.Signatures))
            .ToList();
        var findings = checked((int)PlainReads.FindingsOf(db, qs));
        return QuarterStatus.Compute(q, asOf, approved, approved - missing, batches, Payments(db, qs, ct), findings, calendar);
    }
}

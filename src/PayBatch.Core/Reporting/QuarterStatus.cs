using Microsoft.EntityFrameworkCore;
using PayBatch.Core.Domain;
using PayBatch.Core.Persistence;
using PayBatch.Core.Reconciliation;

namespace PayBatch.Core.Reporting;

/// <summary>A signature on a batch, as the status screen shows it.</summary>
public sealed record BatchSignature(string Role, string Iin, DateTime SignedAtUtc);

/// <summary>A batch of the quarter: its state (prepared, released, cancelled), size, deadline and signatures.</summary>
public sealed record BatchStatus(string Batch, string State, DateOnly ValueDate, int Count, Tenge Total, DateOnly Deadline, IReadOnlyList<BatchSignature> Signatures);

/// <summary>
/// Where a quarter stands and what needs a person (SPEC <c>status</c>): the registry, the batches,
/// the payments by status, and the attention items in SPEC's order with the one command to run next.
/// </summary>
public sealed record QuarterStatus(
    Quarter Quarter, DateOnly AsOf, int Approved, int WithCertificate, IReadOnlyList<BatchStatus> Batches,
    IReadOnlyList<(string Status, int Count)> Payments, int Overdue, int Findings, DateOnly? NextDeadline,
    IReadOnlyList<string> Attention, string Next)
{
    public const string AwaitingSignature = "AWAITING_SIGNATURE";
    public const string OverdueCode = "OVERDUE";
    public const string FindingsCode = "FINDINGS";
    public const string MissingCertificates = "MISSING_CERTIFICATES";

    /// <summary>The payment statuses the screen counts, in this order.</summary>
    public static readonly IReadOnlyList<string> PaymentStatuses = ["issued", "credited", "rejected", "returned", "cancelled"];

    public int MissingCertificate => Approved - WithCertificate;
    public DateOnly ReportDue => Reporting.ReportDue.Quarterly(Quarter);

    /// <param name="findings">Findings other than OVERDUE that the quarter's last reconcile reported.</param>
    public static QuarterStatus Compute(Quarter q, DateOnly asOf, int approved, int withCertificate, IReadOnlyList<BatchStatus> batches,
        IReadOnlyList<PaymentState> payments, int findings, BankingCalendar calendar)
    {
        // Money that left: payments of released batches. A prepared batch waits for signatures, a cancelled one never went.
        var released = batches.Where(b => b.State == "released").Select(b => b.Batch).ToHashSet(StringComparer.Ordinal);
        var waiting = payments.Where(p => p.Status == "issued" && released.Contains(BatchOf(p.Reference)))
            .Select(p => Matching.Sla(p, asOf, calendar)).ToList();
        var overdue = waiting.Count(s => s.Sla == "overdue");
        var prepared = batches.FirstOrDefault(b => b.State == "prepared");

        var attention = new List<string>();
        if (prepared is not null) attention.Add(AwaitingSignature);
        if (overdue > 0) attention.Add(OverdueCode);
        if (findings > 0) attention.Add(FindingsCode);
        if (batches.Count > 0 && approved > withCertificate) attention.Add(MissingCertificates);

        var next = attention.FirstOrDefault() switch
        {
            AwaitingSignature => $"paybatch sign --batch {prepared!.Batch} --certificate FILE.p12",
            OverdueCode => "paybatch reconcile FILE…",
            FindingsCode => $"paybatch findings --quarter {q}",
            MissingCertificates => $"paybatch certificates missing --quarter {q}",
            _ when batches.All(b => b.State == "cancelled") => $"paybatch run --quarter {q}",
            _ when waiting.Count > 0 => "paybatch reconcile FILE…",
            _ => $"paybatch report --quarter {q}",
        };
        return new QuarterStatus(q, asOf, approved, withCertificate, batches,
            PaymentStatuses.Select(s => (s, payments.Count(p => p.Status == s))).ToList(),
            overdue, findings, waiting.Count == 0 ? null : waiting.Min(s => s.Deadline), attention, next);
    }

    /// <summary>2026Q1-01-000001 → 2026Q1-01.</summary>
    private static string BatchOf(string reference) => reference[..reference.LastIndexOf('-')];

    public static async Task<QuarterStatus> LoadAsync(PayBatchDb db, BankingCalendar calendar, Quarter q, DateOnly asOf, CancellationToken ct)
    {
        var qs = q.ToString();
        var approved = await db.Cases.AsNoTracking().CountAsync(c => c.Status == "approved", ct).ConfigureAwait(false);
        var missing = await db.ApprovedCasesWithoutCertificate(qs).CountAsync(ct).ConfigureAwait(false);
        var batches = (await db.BatchesOfQuarter(qs).ToListAsync(ct).ConfigureAwait(false))
            .Select(b => new BatchStatus($"{qs}-{b.Number:00}", "released", b.ValueDate, b.Count, new Tenge(b.TotalTiyn),
                calendar.AddBankingDays(b.ValueDate, Matching.DeadlineBankingDays), []))
            .ToList();
        var payments = (await db.PaymentViews([qs]).ToListAsync(ct).ConfigureAwait(false)).Select(PaymentState.Of).ToList();
        var findings = await db.ReconcileFindingsOf(qs).CountAsync(ct).ConfigureAwait(false);
        return Compute(q, asOf, approved, approved - missing, batches, payments, findings, calendar);
    }
}

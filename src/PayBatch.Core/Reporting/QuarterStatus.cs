using PayBatch.Core.Domain;
using PayBatch.Core.Reconciliation;

namespace PayBatch.Core.Reporting;

/// <summary>A batch of the quarter: its state (prepared, released, cancelled), size, deadline and signatures.</summary>
public sealed record BatchStatus(string Batch, BatchState State, DateOnly ValueDate, int Count, Tenge Total, DateOnly Deadline,
    IReadOnlyList<Release.BatchSignature> Signatures);

/// <summary>
/// Where a quarter stands and what needs a person (SPEC <c>status</c>): the registry, the batches,
/// the payments by status, and the attention items in SPEC's order with the one command to run next.
/// </summary>
public sealed record QuarterStatus(
    Quarter Quarter, DateOnly AsOf, int Approved, int WithCertificate, IReadOnlyList<BatchStatus> Batches,
    IReadOnlyList<(PaymentStatus Status, int Count)> Payments, int Overdue, int Findings, DateOnly? NextDeadline,
    IReadOnlyList<string> Attention, string Next)
{
    public const string AwaitingSignature = "AWAITING_SIGNATURE";
    public const string OverdueCode = "OVERDUE";
    public const string FindingsCode = "FINDINGS";
    public const string MissingCertificates = "MISSING_CERTIFICATES";

    public int MissingCertificate => Approved - WithCertificate;
    public DateOnly ReportDue => Reporting.ReportDue.Quarterly(Quarter);

    /// <param name="findings">Findings other than OVERDUE that the quarter's last reconcile reported.</param>
    public static QuarterStatus Compute(Quarter q, DateOnly asOf, int approved, int withCertificate, IReadOnlyList<BatchStatus> batches,
        IEnumerable<PaymentState> payments, int findings, BankingCalendar calendar)
    {
        // One pass: the payments are counted as they are read, not held.
        var byStatus = new Dictionary<PaymentStatus, int>();
        int waiting = 0, overdue = 0;
        DateOnly? nextDeadline = null;
        foreach (var p in payments)
        {
            byStatus[p.Status] = byStatus.GetValueOrDefault(p.Status) + 1;
            // A payment still issued after its deadline is overdue (SPEC), as in the report and reconcile's files: a
            // prepared batch's too, since its family waits all the same (AWAITING_SIGNATURE comes first). A cancelled one is not issued.
            if (p.Status != PaymentStatus.Issued) continue;
            var sla = Sla.Of(p, asOf, calendar);
            waiting++;
            if (sla.Status == SlaStatus.Overdue) overdue++;
            if (nextDeadline is null || sla.Deadline < nextDeadline) nextDeadline = sla.Deadline;
        }
        var prepared = batches.FirstOrDefault(b => b.State == BatchState.Prepared);

        var attention = new List<string>();
        if (prepared is not null) attention.Add(AwaitingSignature);
        if (overdue > 0) attention.Add(OverdueCode);
        if (findings > 0) attention.Add(FindingsCode);
        if (batches.Count > 0 && approved > withCertificate) attention.Add(MissingCertificates);

        var next = attention.FirstOrDefault() switch
        {
            AwaitingSignature => $"paybatch sign --batch {prepared!.Batch} --certificate KEY.p12",
            OverdueCode => "paybatch reconcile FILE…",
            FindingsCode => $"paybatch findings --quarter {q}",
            MissingCertificates => $"paybatch certificates missing --quarter {q}",
            _ when batches.All(b => b.State == BatchState.Cancelled) => $"paybatch run --quarter {q}",
            _ when waiting > 0 => "paybatch reconcile FILE…",
            _ => $"paybatch report --quarter {q}",
        };
        return new QuarterStatus(q, asOf, approved, withCertificate, batches,
            PaymentStatuses.All.Select(s => (s, byStatus.GetValueOrDefault(s))).ToList(),
            overdue, findings, nextDeadline, attention, next);
    }
}

using Microsoft.EntityFrameworkCore;
using PayBatch.Core.Domain;
using PayBatch.Core.Eligibility;
using PayBatch.Core.Persistence;
using PayBatch.Core.Reconciliation;

namespace PayBatch.Core.Reporting;

public sealed record CountAmount(string Key, int Count, Tenge Amount);

/// <summary>A case the quarter's latest run did not pay, with every reason that held (ALREADY_PAID left out).</summary>
public sealed record UnpaidCase(string CaseId, string ChildIin, IReadOnlyList<Reason> Reasons);

/// <summary>A batch's control sum beside what the department's statements show debited for it.</summary>
public sealed record BatchDebitFigures(string Batch, Tenge Total, Tenge? Debited)
{
    public Tenge? Difference => Debited is { } d ? new Tenge(d.Tiyn - Total.Tiyn) : null;
}

/// <summary>A payment that missed or is missing the five-banking-day limit.</summary>
public sealed record SlaBreach(string Reference, string CaseId, string Bic, DateOnly ValueDate, DateOnly Deadline, string Status, DateOnly? CreditedOn, int? BankingDays, string Sla);

/// <summary>
/// Every figure of the quarterly report, computed once; the md, csv, json and html writers only
/// format these, so the four formats cannot disagree.
/// </summary>
public sealed record ReportFigures
{
    public required Quarter Quarter { get; init; }
    public required DateOnly AsOf { get; init; }
    public required int Issued { get; init; }
    public required int Credited { get; init; }
    public required int Rejected { get; init; }
    public required int Returned { get; init; }
    public required int Reissued { get; init; }
    public required Tenge IssuedAmount { get; init; }
    public required Tenge CreditedAmount { get; init; }
    public required Tenge RejectedAmount { get; init; }
    public required Tenge ReturnedAmount { get; init; }
    /// <summary>Each batch of the quarter: its control sum and what the account statements show debited (null: no debit read).</summary>
    public required IReadOnlyList<BatchDebitFigures> Batches { get; init; }
    public required int OnTime { get; init; }
    public required int Late { get; init; }
    public required int Overdue { get; init; }
    public required int Pending { get; init; }
    public required IReadOnlyList<(Reason Reason, int Count)> Exclusions { get; init; }
    public required IReadOnlyList<UnpaidCase> UnpaidCases { get; init; }
    public required IReadOnlyList<CountAmount> ByDistrict { get; init; }
    public required IReadOnlyList<CountAmount> ByBank { get; init; }
    public required IReadOnlyList<SlaBreach> Breaches { get; init; }
    /// <summary>Credited payments by banking days from value date to credit.</summary>
    public required IReadOnlyList<(int Days, int Count)> DaysToCredit { get; init; }
    /// <summary>The quarter's batches: state, who prepared each and who signed it (SPEC "Release").</summary>
    public required IReadOnlyList<Release.ReleaseRecord> Releases { get; init; }
    public required int Decisions { get; init; }
    public required int DecisionsWithin5Days { get; init; }

    public const int NormativePercent = 90;

    /// <summary>Indicator 1.1: onTime ÷ (onTime + late + overdue) × 100, one decimal; null for 0/0.</summary>
    public decimal? OnTimePercent => OnTime + Late + Overdue == 0 ? null
        : decimal.Round(OnTime * 100m / (OnTime + Late + Overdue), 1, MidpointRounding.AwayFromZero);

    public decimal? DecisionsWithin5DaysPercent => Decisions == 0 ? null
        : decimal.Round(DecisionsWithin5Days * 100m / Decisions, 1, MidpointRounding.AwayFromZero);

    /// <summary>Rejected and returned payments did not pay the child: they are outside the live figures and may be re-issued.</summary>
    private static bool Unpaid(string status) => !PaymentStatuses.IsLive(status);

    public static async Task<ReportFigures> LoadAsync(PayBatchDb db, BankingCalendar calendar, Quarter q, DateOnly asOf, CancellationToken ct)
    {
        var qs = q.ToString();
        var payments = await db.PaymentViews([qs]).ToListAsync(ct).ConfigureAwait(false);
        var replaced = payments.Where(p => p.ReplacesPaymentId is not null && p.Status != PaymentStatuses.Cancelled)
            .Select(p => p.ReplacesPaymentId!.Value).ToHashSet();
        var states = payments.Select(PaymentState.Of).ToList();
        var sla = states.Select(s => (State: s, Sla: Matching.Sla(s, asOf, calendar))).ToList();

        // Exclusions as of the latest run: its unpaid cases, each reason counted (ALREADY_PAID is not an exclusion here).
        var latestRun = await db.LatestRunBatch(qs).Select(id => (long?)id).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        var liveChildren = payments.Where(p => !Unpaid(p.Status)).Select(p => p.ChildIin).ToHashSet(StringComparer.Ordinal);
        var reasonCounts = Reasons.All.Where(r => r != Reason.AlreadyPaid).ToDictionary(r => r, _ => 0);
        var unpaid = new List<UnpaidCase>();
        if (latestRun is not null)
        {
            var rows = await db.ExclusionsOfBatch(latestRun.Value).ToListAsync(ct).ConfigureAwait(false);
            foreach (var row in rows.Where(r => !liveChildren.Contains(r.ChildIin)))
            {
                var reasons = row.Reasons.Split(';').Select(code => Reasons.TryParse(code, out var r) ? r : Reason.AlreadyPaid)
                    .Where(r => r != Reason.AlreadyPaid).ToList();
                foreach (var reason in reasons) reasonCounts[reason]++;
                if (reasons.Count > 0) unpaid.Add(new UnpaidCase(row.CaseId, row.ChildIin, reasons));
            }
        }

        var end = q.LastDay;
        var decisions = await db.DecidedBy(end).Select(c => new { c.ApplicationDate, c.DecisionDate }).ToListAsync(ct).ConfigureAwait(false);

        var live = payments.Where(p => !Unpaid(p.Status)).ToList();
        var batches = await db.BatchesOfQuarter(qs).ToListAsync(ct).ConfigureAwait(false);
        var debited = (await db.DebitSums(batches.Select(b => b.Id).ToList()).ToListAsync(ct).ConfigureAwait(false)).ToDictionary(x => x.Item1, x => x.Item2);
        return new ReportFigures
        {
            Quarter = q,
            AsOf = asOf,
            Issued = payments.Count(p => p.Status == "issued"),
            Credited = payments.Count(p => p.Status == "credited"),
            Rejected = payments.Count(p => p.Status == "rejected"),
            Returned = payments.Count(p => p.Status == "returned"),
            Reissued = payments.Count(p => Unpaid(p.Status) && replaced.Contains(p.Id)),
            IssuedAmount = new Tenge(payments.Where(p => p.Status == "issued").Sum(p => p.AmountTiyn)),
            CreditedAmount = new Tenge(payments.Where(p => p.Status == "credited").Sum(p => p.AmountTiyn)),
            RejectedAmount = new Tenge(payments.Where(p => p.Status == "rejected").Sum(p => p.AmountTiyn)),
            ReturnedAmount = new Tenge(payments.Where(p => p.Status == "returned").Sum(p => p.AmountTiyn)),
            Batches = batches.Select(b => new BatchDebitFigures($"{b.Quarter}-{b.Number:00}", new Tenge(b.TotalTiyn),
                debited.TryGetValue(b.Id, out var d) ? new Tenge(d) : null)).ToList(),
            OnTime = sla.Count(s => s.Sla.Sla == "on_time"),
            Late = sla.Count(s => s.Sla.Sla == "late"),
            Overdue = sla.Count(s => s.Sla.Sla == "overdue"),
            Pending = sla.Count(s => s.Sla.Sla == "pending"),
            Exclusions = reasonCounts.OrderBy(kv => kv.Key).Select(kv => (kv.Key, kv.Value)).ToList(),
            UnpaidCases = unpaid.OrderBy(u => u.CaseId, StringComparer.Ordinal).ThenBy(u => u.ChildIin, StringComparer.Ordinal).ToList(),
            ByDistrict = live.GroupBy(p => p.District, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new CountAmount(g.Key, g.Count(), new Tenge(g.Sum(p => p.AmountTiyn)))).ToList(),
            ByBank = live.GroupBy(p => p.Bic, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new CountAmount(g.Key, g.Count(), new Tenge(g.Sum(p => p.AmountTiyn)))).ToList(),
            Breaches = sla.Where(s => s.Sla.Sla is "late" or "overdue").OrderBy(s => s.State.Reference, StringComparer.Ordinal)
                .Select(s => new SlaBreach(s.State.Reference, s.State.CaseId, s.State.Bic, s.State.ValueDate, s.Sla.Deadline, s.State.Status,
                    s.State.CreditedOn, s.Sla.BankingDays, s.Sla.Sla)).ToList(),
            DaysToCredit = sla.Where(s => s.Sla.BankingDays is not null).GroupBy(s => s.Sla.BankingDays!.Value).OrderBy(g => g.Key)
                .Select(g => (g.Key, g.Count())).ToList(),
            Releases = await Release.ReleaseRecord.LoadAsync(db, batches, ct).ConfigureAwait(false),
            Decisions = decisions.Count,
            DecisionsWithin5Days = decisions.Count(d => d.DecisionDate.DayNumber - d.ApplicationDate.DayNumber <= 5),
        };
    }
}

using PayBatch.Core.Batches;
using PayBatch.Core.Domain;
using PayBatch.Core.Eligibility;
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
public sealed record SlaBreach(string Reference, string CaseId, string Bic, DateOnly ValueDate, DateOnly Deadline, PaymentStatus Status, DateOnly? CreditedOn, int? BankingDays, SlaStatus Sla);

/// <summary>What the report is computed from, as <see cref="ReportLoader"/> reads it.</summary>
/// <param name="LatestRunExclusions">The exclusions of the quarter's latest run (none before a run).</param>
/// <param name="Decisions">Application and decision dates of the cases decided by the quarter's end.</param>
/// <param name="Batches">The quarter's batches with what the account statements show debited for each.</param>
/// <param name="Releases">The quarter's batches: state, who prepared and who signed each (SPEC "Release").</param>
/// <param name="NamedInMismatch">Payments a confirmation named in an amount or IBAN mismatch (indicator 2.2).</param>
public sealed record ReportInput(
    IEnumerable<PaymentState> Payments,
    IReadOnlyList<Exclusion> LatestRunExclusions,
    IReadOnlyList<(DateOnly Applied, DateOnly Decided)> Decisions,
    IReadOnlyList<BatchDebitFigures> Batches,
    IReadOnlyList<Release.ReleaseRecord> Releases,
    IReadOnlySet<long> NamedInMismatch);

/// <summary>
/// Every figure of the quarterly report, computed once; the md, csv, json and html writers only
/// format these, so the four formats cannot disagree.
/// </summary>
public sealed record ReportFigures
{
    public required Quarter Quarter { get; init; }
    public required DateOnly AsOf { get; init; }
    /// <summary>The setting <c>Payment:Coefficient</c> the report's subtitle names (6.5 MRP per child).</summary>
    public required decimal Coefficient { get; init; }
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
    /// <summary>Payments judged for indicator 2.2 (all but cancelled ones), and those accrued correctly.</summary>
    public required int Accruals { get; init; }
    public required int CorrectAccruals { get; init; }
    /// <summary>The twelve Appendix 2 rows for this quarter.</summary>
    public IReadOnlyList<IndicatorRow> Indicators { get; init; } = [];

    public const int NormativePercent = PaymentTotals.NormativePercent;

    public DateOnly Due => ReportDue.Quarterly(Quarter);
    public bool IsLate => AsOf > Due;

    /// <summary>The payments, amounts and SLA figures, as the year adds them up.</summary>
    public PaymentTotals Totals => new()
    {
        Issued = Issued, Credited = Credited, Rejected = Rejected, Returned = Returned, Reissued = Reissued,
        IssuedAmount = IssuedAmount, CreditedAmount = CreditedAmount, RejectedAmount = RejectedAmount, ReturnedAmount = ReturnedAmount,
        OnTime = OnTime, Late = Late, Overdue = Overdue, Pending = Pending, Accruals = Accruals, CorrectAccruals = CorrectAccruals,
    };

    /// <summary>Point 7.1 of the standard: a decision within five calendar days of the application.</summary>
    public const int DecisionDays = 5;

    /// <summary>Indicator 1.1: onTime ÷ (onTime + late + overdue) × 100, one decimal; null for 0/0.</summary>
    public decimal? OnTimePercent => Totals.OnTimePercent;

    public decimal? DecisionsWithin5DaysPercent => Reporting.Indicators.Percent(DecisionsWithin5Days, Decisions);

    /// <summary>
    /// Indicator 2.2 counts a payment as correctly accrued unless the bank rejected or returned it for
    /// wrong account details (AC01 incorrect account, AC04 closed, AC06 blocked, BE01 not the account's owner)
    /// or a confirmation named it in an amount or IBAN mismatch.
    /// </summary>
    public static readonly IReadOnlySet<string> AccrualErrorReasons = new HashSet<string>(["AC01", "AC04", "AC06", "BE01"], StringComparer.Ordinal);

    public static bool AccruedCorrectly(PaymentStatus status, string? reason, bool namedInMismatch) =>
        !namedInMismatch && !(status is PaymentStatus.Rejected or PaymentStatus.Returned && reason is not null && AccrualErrorReasons.Contains(reason));

    /// <summary>
    /// Every figure from what was loaded: pure, so tests call it without a database. The payments are
    /// read once, in one pass, and not kept: a quarter of a million payments is counted, not held.
    /// </summary>
    public static ReportFigures Compute(Quarter q, DateOnly asOf, decimal coefficient, ReportInput input, BankingCalendar calendar, IndicatorSettings indicators)
    {
        var excludedChildren = input.LatestRunExclusions.Select(e => e.ChildIin).ToHashSet(StringComparer.Ordinal);
        var liveExcluded = new HashSet<string>(StringComparer.Ordinal); // excluded by the latest run, yet paid (a later batch)
        var replaced = new HashSet<long>();
        var notLive = new List<long>();
        var counts = new Dictionary<PaymentStatus, (int Count, long Tiyn)>();
        var slaCounts = new Dictionary<SlaStatus, int>();
        var daysToCredit = new SortedDictionary<int, int>();
        var byDistrict = new Dictionary<string, (int Count, long Tiyn)>(StringComparer.Ordinal);
        var byBank = new Dictionary<string, (int Count, long Tiyn)>(StringComparer.Ordinal);
        var breaches = new List<SlaBreach>();
        int accruals = 0, correct = 0;
        static void Add<TKey>(Dictionary<TKey, (int Count, long Tiyn)> d, TKey key, Tenge amount) where TKey : notnull =>
            d[key] = d.TryGetValue(key, out var x) ? (x.Count + 1, x.Tiyn + amount.Tiyn) : (1, amount.Tiyn);

        foreach (var p in input.Payments)
        {
            Add(counts, p.Status, p.Amount);
            if (p.ReplacesPaymentId is { } r && p.Status != PaymentStatus.Cancelled) replaced.Add(r);
            if (p.Status.IsLive())
            {
                if (excludedChildren.Contains(p.ChildIin.Value)) liveExcluded.Add(p.ChildIin.Value);
                Add(byDistrict, p.District, p.Amount);
                Add(byBank, p.Bic.Value, p.Amount);
            }
            else notLive.Add(p.Id);
            if (p.Status != PaymentStatus.Cancelled)
            {
                accruals++;
                if (AccruedCorrectly(p.Status, p.Reason, input.NamedInMismatch.Contains(p.Id))) correct++;
            }
            var sla = Sla.Of(p, asOf, calendar);
            if (sla.Status is { } st) slaCounts[st] = slaCounts.GetValueOrDefault(st) + 1;
            if (sla.BankingDays is { } days) daysToCredit[days] = daysToCredit.GetValueOrDefault(days) + 1;
            if (sla.Status?.IsBreach() == true)
                breaches.Add(new SlaBreach(p.Reference.ToString(), p.CaseId, p.Bic.Value, p.ValueDate, sla.Deadline, p.Status, p.CreditedOn, sla.BankingDays, sla.Status.Value));
        }

        // Exclusions as of the latest run: its unpaid cases, each reason counted (ALREADY_PAID is not an exclusion here).
        var reasonCounts = Reasons.All.Where(r => r != Reason.AlreadyPaid).ToDictionary(r => r, _ => 0);
        var unpaid = new List<UnpaidCase>();
        foreach (var e in input.LatestRunExclusions.Where(e => !liveExcluded.Contains(e.ChildIin)))
        {
            var reasons = e.Reasons.Where(r => r != Reason.AlreadyPaid).ToList();
            foreach (var reason in reasons) reasonCounts[reason]++;
            if (reasons.Count > 0) unpaid.Add(new UnpaidCase(e.CaseId, e.ChildIin, reasons));
        }

        int Count(PaymentStatus s) => counts.TryGetValue(s, out var x) ? x.Count : 0;
        Tenge Amount(PaymentStatus s) => new(counts.TryGetValue(s, out var x) ? x.Tiyn : 0);
        static List<CountAmount> Groups(Dictionary<string, (int Count, long Tiyn)> d) =>
            d.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new CountAmount(kv.Key, kv.Value.Count, new Tenge(kv.Value.Tiyn))).ToList();
        var figures = new ReportFigures
        {
            Quarter = q,
            AsOf = asOf,
            Coefficient = coefficient,
            Issued = Count(PaymentStatus.Issued),
            Credited = Count(PaymentStatus.Credited),
            Rejected = Count(PaymentStatus.Rejected),
            Returned = Count(PaymentStatus.Returned),
            // Rejected and returned payments did not pay the child: outside the live figures, and re-issued.
            Reissued = notLive.Count(replaced.Contains),
            IssuedAmount = Amount(PaymentStatus.Issued),
            CreditedAmount = Amount(PaymentStatus.Credited),
            RejectedAmount = Amount(PaymentStatus.Rejected),
            ReturnedAmount = Amount(PaymentStatus.Returned),
            Batches = input.Batches,
            OnTime = slaCounts.GetValueOrDefault(SlaStatus.OnTime),
            Late = slaCounts.GetValueOrDefault(SlaStatus.Late),
            Overdue = slaCounts.GetValueOrDefault(SlaStatus.Overdue),
            Pending = slaCounts.GetValueOrDefault(SlaStatus.Pending),
            Exclusions = reasonCounts.OrderBy(kv => kv.Key).Select(kv => (kv.Key, kv.Value)).ToList(),
            UnpaidCases = unpaid.OrderBy(u => u.CaseId, StringComparer.Ordinal).ThenBy(u => u.ChildIin, StringComparer.Ordinal).ToList(),
            ByDistrict = Groups(byDistrict),
            ByBank = Groups(byBank),
            Breaches = breaches.OrderBy(b => b.Reference, StringComparer.Ordinal).ToList(),
            DaysToCredit = daysToCredit.Select(kv => (kv.Key, kv.Value)).ToList(),
            Releases = input.Releases,
            Decisions = input.Decisions.Count,
            DecisionsWithin5Days = input.Decisions.Count(d => d.Decided.DayNumber - d.Applied.DayNumber <= DecisionDays),
            Accruals = accruals,
            CorrectAccruals = correct,
        };
        return figures with { Indicators = Reporting.Indicators.Compute(figures.OnTimePercent, figures.Totals.CorrectAccrualsPercent, indicators) };
    }
}

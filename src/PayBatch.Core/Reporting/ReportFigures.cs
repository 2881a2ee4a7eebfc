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
    IReadOnlyList<PaymentState> Payments,
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

    /// <summary>Every figure from what was loaded: pure, so tests call it without a database.</summary>
    public static ReportFigures Compute(Quarter q, DateOnly asOf, decimal coefficient, ReportInput input, BankingCalendar calendar, IndicatorSettings indicators)
    {
        var payments = input.Payments;
        var replaced = payments.Where(p => p.ReplacesPaymentId is not null && p.Status != PaymentStatus.Cancelled).Select(p => p.ReplacesPaymentId!.Value).ToHashSet();
        var sla = payments.Select(p => (State: p, Sla: Sla.Of(p, asOf, calendar))).ToList();

        // Exclusions as of the latest run: its unpaid cases, each reason counted (ALREADY_PAID is not an exclusion here).
        var live = payments.Where(p => p.Status.IsLive()).ToList();
        var liveChildren = live.Select(p => p.ChildIin.Value).ToHashSet(StringComparer.Ordinal);
        var reasonCounts = Reasons.All.Where(r => r != Reason.AlreadyPaid).ToDictionary(r => r, _ => 0);
        var unpaid = new List<UnpaidCase>();
        foreach (var e in input.LatestRunExclusions.Where(e => !liveChildren.Contains(e.ChildIin)))
        {
            var reasons = e.Reasons.Where(r => r != Reason.AlreadyPaid).ToList();
            foreach (var reason in reasons) reasonCounts[reason]++;
            if (reasons.Count > 0) unpaid.Add(new UnpaidCase(e.CaseId, e.ChildIin, reasons));
        }

        Tenge Amount(PaymentStatus s) => payments.Where(p => p.Status == s).Sum(p => p.Amount);
        int Count(SlaStatus s) => sla.Count(x => x.Sla.Status == s);
        var accruals = payments.Where(p => p.Status != PaymentStatus.Cancelled).ToList();
        var correct = accruals.Count(p => AccruedCorrectly(p.Status, p.Reason, input.NamedInMismatch.Contains(p.Id)));
        var figures = new ReportFigures
        {
            Quarter = q,
            AsOf = asOf,
            Coefficient = coefficient,
            Issued = payments.Count(p => p.Status == PaymentStatus.Issued),
            Credited = payments.Count(p => p.Status == PaymentStatus.Credited),
            Rejected = payments.Count(p => p.Status == PaymentStatus.Rejected),
            Returned = payments.Count(p => p.Status == PaymentStatus.Returned),
            // Rejected and returned payments did not pay the child: outside the live figures, and re-issued.
            Reissued = payments.Count(p => !p.Status.IsLive() && replaced.Contains(p.Id)),
            IssuedAmount = Amount(PaymentStatus.Issued),
            CreditedAmount = Amount(PaymentStatus.Credited),
            RejectedAmount = Amount(PaymentStatus.Rejected),
            ReturnedAmount = Amount(PaymentStatus.Returned),
            Batches = input.Batches,
            OnTime = Count(SlaStatus.OnTime),
            Late = Count(SlaStatus.Late),
            Overdue = Count(SlaStatus.Overdue),
            Pending = Count(SlaStatus.Pending),
            Exclusions = reasonCounts.OrderBy(kv => kv.Key).Select(kv => (kv.Key, kv.Value)).ToList(),
            UnpaidCases = unpaid.OrderBy(u => u.CaseId, StringComparer.Ordinal).ThenBy(u => u.ChildIin, StringComparer.Ordinal).ToList(),
            ByDistrict = live.GroupBy(p => p.District, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new CountAmount(g.Key, g.Count(), g.Sum(p => p.Amount))).ToList(),
            ByBank = live.GroupBy(p => p.Bic.Value, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new CountAmount(g.Key, g.Count(), g.Sum(p => p.Amount))).ToList(),
            Breaches = sla.Where(s => s.Sla.Status?.IsBreach() == true).OrderBy(s => s.State.Reference.ToString(), StringComparer.Ordinal)
                .Select(s => new SlaBreach(s.State.Reference.ToString(), s.State.CaseId, s.State.Bic.Value, s.State.ValueDate, s.Sla.Deadline, s.State.Status,
                    s.State.CreditedOn, s.Sla.BankingDays, s.Sla.Status!.Value)).ToList(),
            DaysToCredit = sla.Where(s => s.Sla.BankingDays is not null).GroupBy(s => s.Sla.BankingDays!.Value).OrderBy(g => g.Key)
                .Select(g => (g.Key, g.Count())).ToList(),
            Releases = input.Releases,
            Decisions = input.Decisions.Count,
            DecisionsWithin5Days = input.Decisions.Count(d => d.Decided.DayNumber - d.Applied.DayNumber <= DecisionDays),
            Accruals = accruals.Count,
            CorrectAccruals = correct,
        };
        return figures with { Indicators = Reporting.Indicators.Compute(figures.OnTimePercent, figures.Totals.CorrectAccrualsPercent, indicators) };
    }
}

using PayBatch.Core.Domain;

namespace PayBatch.Core.Reporting;

/// <summary>
/// The payments, amounts and SLA figures of a period (a quarter, or a year as the sum of its
/// quarters): what the quarterly report's <c>payments</c>, <c>amounts</c> and <c>sla</c> objects hold.
/// </summary>
public sealed record PaymentTotals
{
    public int Issued { get; init; }
    public int Credited { get; init; }
    public int Rejected { get; init; }
    public int Returned { get; init; }
    public int Reissued { get; init; }
    public Tenge IssuedAmount { get; init; }
    public Tenge CreditedAmount { get; init; }
    public Tenge RejectedAmount { get; init; }
    public Tenge ReturnedAmount { get; init; }
    public int OnTime { get; init; }
    public int Late { get; init; }
    public int Overdue { get; init; }
    public int Pending { get; init; }
    /// <summary>Payments judged for indicator 2.2, and those of them accrued correctly.</summary>
    public int Accruals { get; init; }
    public int CorrectAccruals { get; init; }

    public const int NormativePercent = 90;

    /// <summary>Indicator 1.1: onTime ÷ (onTime + late + overdue) × 100, one decimal; null for 0/0.</summary>
    public decimal? OnTimePercent => Indicators.Percent(OnTime, OnTime + Late + Overdue);

    /// <summary>Indicator 2.2: correct accruals ÷ all payments × 100, one decimal; null when there are none.</summary>
    public decimal? CorrectAccrualsPercent => Indicators.Percent(CorrectAccruals, Accruals);

    public static PaymentTotals Sum(IEnumerable<PaymentTotals> periods) => periods.Aggregate(new PaymentTotals(), (a, b) => new PaymentTotals
    {
        Issued = a.Issued + b.Issued,
        Credited = a.Credited + b.Credited,
        Rejected = a.Rejected + b.Rejected,
        Returned = a.Returned + b.Returned,
        Reissued = a.Reissued + b.Reissued,
        IssuedAmount = a.IssuedAmount + b.IssuedAmount,
        CreditedAmount = a.CreditedAmount + b.CreditedAmount,
        RejectedAmount = a.RejectedAmount + b.RejectedAmount,
        ReturnedAmount = a.ReturnedAmount + b.ReturnedAmount,
        OnTime = a.OnTime + b.OnTime,
        Late = a.Late + b.Late,
        Overdue = a.Overdue + b.Overdue,
        Pending = a.Pending + b.Pending,
        Accruals = a.Accruals + b.Accruals,
        CorrectAccruals = a.CorrectAccruals + b.CorrectAccruals,
    });
}

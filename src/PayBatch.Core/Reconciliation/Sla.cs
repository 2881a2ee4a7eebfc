using PayBatch.Core.Domain;

namespace PayBatch.Core.Reconciliation;

/// <summary>A payment against the limit: credited on time or late; not yet credited, overdue or pending.</summary>
public enum SlaStatus
{
    OnTime,
    Late,
    Overdue,
    Pending,
}

/// <summary>Where a payment stands against the limit as of a date; no status for a payment outside the SLA figures.</summary>
public sealed record SlaPosition(SlaStatus? Status, int? BankingDays, DateOnly Deadline);

/// <summary>The public-service standard's limit: the money reaches the account within five banking days of the value date.</summary>
public static class Sla
{
    public const int DeadlineBankingDays = 5;

    /// <summary>The code files and JSON carry: <c>on_time</c>, <c>late</c>, <c>overdue</c>, <c>pending</c>.</summary>
    public static string Code(this SlaStatus status) => Codes.Of(status);

    public static bool IsBreach(this SlaStatus status) => status is SlaStatus.Late or SlaStatus.Overdue;

    public static bool IsLate(int bankingDays) => bankingDays > DeadlineBankingDays;

    /// <summary>The SLA position of a payment as of a date (SPEC); rejected payments are outside the SLA figures.</summary>
    public static SlaPosition Of(PaymentState p, DateOnly asOf, BankingCalendar calendar)
    {
        var deadline = calendar.AddBankingDays(p.ValueDate, DeadlineBankingDays);
        switch (p.Status)
        {
            case PaymentStatus.Credited:
                var days = calendar.BankingDaysBetween(p.ValueDate, p.CreditedOn!.Value);
                return new SlaPosition(IsLate(days) ? SlaStatus.Late : SlaStatus.OnTime, days, deadline);
            case PaymentStatus.Issued:
                return new SlaPosition(asOf > deadline ? SlaStatus.Overdue : SlaStatus.Pending, null, deadline);
            default:
                return new SlaPosition(null, null, deadline);
        }
    }
}

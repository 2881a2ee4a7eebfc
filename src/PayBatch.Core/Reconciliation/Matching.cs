using System.Globalization;
using PayBatch.Core.Domain;

namespace PayBatch.Core.Reconciliation;

/// <summary>What one confirmation line does (SPEC's table).</summary>
public sealed record MatchResult(string Outcome, string? Finding, string Detail, PaymentState? Updated)
{
    public const string Applied = "applied";
    public const string Same = "same";
}

/// <summary>
/// SPEC's matching table as a pure function of the recorded payment and the line. Dates in its details are ISO
/// (yyyy-MM-dd) in the Gregorian calendar whatever the system's culture: a Thai or Persian one would change the year.
/// </summary>
public static class Matching
{
    public static MatchResult Decide(PaymentState? p, Confirmation c, BankingCalendar calendar)
    {
        if (p is null) return Finding(UnknownReference, NoPayment(c.Reference));
        // A batch awaiting its signatures (or cancelled) never went to the bank: nothing of it is confirmed.
        if (!p.Released) return Finding("NOT_RELEASED", $"batch {p.Reference.Quarter}-{p.Reference.Batch:00} is not released");
        if (c.Amount is { } amount && amount != p.Amount) return Finding("AMOUNT_MISMATCH", $"confirmed {amount}, paid {p.Amount}");
        if (c.Iban is { Length: > 0 } iban && iban != p.Iban.Value) return Finding("IBAN_MISMATCH", $"confirmed {Iban.Mask(iban)}, paid to {Iban.Mask(p.Iban.Value)}");

        if (c.Status == ConfirmationStatus.Returned) return Return(p, c);
        if (p.Status == PaymentStatus.Returned) return AfterReturn(p, c);
        var status = c.Status.PaymentStatus();
        if (p.Status == PaymentStatus.Issued)
        {
            if (c.Status == ConfirmationStatus.Rejected)
                return new MatchResult(MatchResult.Applied, null, $"rejected {c.Reason}", p with { Status = status, Reason = c.Reason });
            var days = calendar.BankingDaysBetween(p.ValueDate, c.CreditedOn!.Value);
            var updated = p with { Status = status, CreditedOn = c.CreditedOn };
            return Sla.IsLate(days)
                ? new MatchResult(MatchResult.Applied, "LATE", string.Create(CultureInfo.InvariantCulture, $"credited {c.CreditedOn:yyyy-MM-dd}, {days} banking days after {p.ValueDate:yyyy-MM-dd}"), updated)
                : new MatchResult(MatchResult.Applied, null, string.Create(CultureInfo.InvariantCulture, $"credited {c.CreditedOn:yyyy-MM-dd}"), updated);
        }
        var same = p.Status == status && (c.Status == ConfirmationStatus.Credited ? p.CreditedOn == c.CreditedOn : p.Reason == c.Reason);
        if (same) return new MatchResult(MatchResult.Same, null, "already recorded", null);
        var recorded = Recorded(p);
        var confirmed = c.Status == ConfirmationStatus.Credited ? string.Create(CultureInfo.InvariantCulture, $"credited {c.CreditedOn:yyyy-MM-dd}") : $"rejected {c.Reason}";
        return Finding("CONFLICT", $"recorded {recorded}, confirmation says {confirmed}");
    }

    private static MatchResult Finding(string code, string detail) => new(code, code, detail, null);

    public const string UnknownReference = "UNKNOWN_REFERENCE";

    public static string NoPayment(string reference) => $"no payment {reference}";

    /// <summary>Money back on the department's account: an issued or credited payment becomes returned (its credit date kept).</summary>
    private static MatchResult Return(PaymentState p, Confirmation c) => p.Status switch
    {
        PaymentStatus.Issued or PaymentStatus.Credited =>
            new MatchResult(MatchResult.Applied, null, $"returned {c.Reason}", p with { Status = PaymentStatus.Returned, Reason = c.Reason }),
        PaymentStatus.Returned when p.Reason == c.Reason => new MatchResult(MatchResult.Same, null, "already recorded", null),
        _ => Finding("CONFLICT", $"recorded {Recorded(p)}, the bank says returned {c.Reason}"),
    };

    /// <summary>A confirmation for a returned payment: its credit, if not yet known, is recorded; a rejection contradicts the return.</summary>
    private static MatchResult AfterReturn(PaymentState p, Confirmation c)
    {
        if (c.Status == ConfirmationStatus.Credited && (p.CreditedOn is null || p.CreditedOn == c.CreditedOn))
            return p.CreditedOn is null
                ? new MatchResult(MatchResult.Applied, null, string.Create(CultureInfo.InvariantCulture, $"credited {c.CreditedOn:yyyy-MM-dd} before the return"), p with { CreditedOn = c.CreditedOn })
                : new MatchResult(MatchResult.Same, null, "already recorded", null);
        return Finding("CONFLICT", string.Create(CultureInfo.InvariantCulture, $"recorded {Recorded(p)}, confirmation says {c.Status.Code()} {(c.Status == ConfirmationStatus.Credited ? c.CreditedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : c.Reason)}"));
    }

    private static string Recorded(PaymentState p) => p.Status switch
    {
        PaymentStatus.Credited => string.Create(CultureInfo.InvariantCulture, $"credited {p.CreditedOn:yyyy-MM-dd}"),
        _ => $"{p.Status.Code()} {p.Reason}",
    };
}

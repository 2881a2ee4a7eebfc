using System.Globalization;
using System.Text.RegularExpressions;
using PayBatch.Core.Domain;
using PayBatch.Core.Localization;

namespace PayBatch.Core.Reconciliation;

/// <summary>A booked entry that moves a batch's money: a debit, or (negative) the reversal of one.</summary>
public sealed record BatchDebit(string File, int Line, string Location, string Identity, string Batch, Tenge Amount, DateOnly? BookedOn);

/// <summary>
/// What PayBatch reads in the department's statements (SPEC "Account statements and returns"), as
/// pure functions: why a file is refused, the debits of batches, and the returns of payments.
/// </summary>
public static partial class StatementMatching
{
    public const string Currency = "KZT";

    /// <summary>Why the statements of a file cannot be applied: another account, another currency, balances that do not add up.</summary>
    public static IReadOnlyList<Said> Problems(IEnumerable<Statement> statements, string departmentIban)
    {
        var problems = new List<Said>();
        foreach (var s in statements)
        {
            if (s.Account != departmentIban) problems.Add(CoreText.StatementAccount.With(s.Line, s.Id, Iban.Mask(s.Account), Iban.Mask(departmentIban)));
            if (s.Currency != Currency) problems.Add(CoreText.StatementCurrency.With(s.Line, s.Id, s.Currency, Currency));
            if (s.ClosingByEntries is not { } byEntries)
                problems.Add(CoreText.StatementPastAnyAmount.With(s.Line, s.Id));
            else if (byEntries != s.Closing)
                problems.Add(CoreText.StatementDoesNotAddUp.With(s.Line, s.Id, s.Opening, new Tenge(byEntries.Tiyn - s.Opening.Tiyn), byEntries, s.Closing));
            if (!s.DatedWithinQuarters)
                problems.Add(CoreText.StatementDates.With(s.Line, s.Id, s.OpeningDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    s.ClosingDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Quarter.FirstYear, Quarter.LastYear));
        }
        return problems;
    }

    /// <summary>
    /// The booked debits whose reference names a batch (<c>2026Q1-01</c> inside a <c>PmtInfId</c>, an
    /// MT102 <c>:20:</c>, a payment reference), and reversals of such debits as negative amounts.
    /// Other debits (fees, other payments of the department) are not PayBatch's.
    /// </summary>
    public static IEnumerable<BatchDebit> Debits(string file, IEnumerable<Statement> statements) =>
        from s in statements
        from e in s.Entries
        where e.Booked && (!e.Credit && !e.Reversal || e.Credit && e.Reversal && !e.Transactions.Any(t => PaymentReference.TryParse(t.EndToEndId, out _)))
        let batch = e.References.Select(r => BatchReference().Match(r)).FirstOrDefault(m => m.Success)
        where batch is not null
        select new BatchDebit(file, e.Line, e.Location, e.Identity, batch.Value, e.Credit ? new Tenge(-e.Amount.Tiyn) : e.Amount, e.BookedOn ?? e.ValueDate);

    /// <summary>
    /// The booked credits that bring a payment back: a transaction whose end-to-end reference (MT940: the
    /// reference for the account owner) is a payment reference, with its return reason.
    /// </summary>
    public static IEnumerable<Confirmation> Returns(string file, IEnumerable<Statement> statements) =>
        from s in statements
        from e in s.Entries
        where e.Booked && e.Credit
        from t in e.Transactions
        where PaymentReference.TryParse(t.EndToEndId, out _)
        select new Confirmation(file, t.Line, t.EndToEndId!, ConfirmationStatus.Returned, null, t.Amount, null, t.ReturnReason,
            new ReturnEntry(e.Location, $"{e.Identity}/{t.EndToEndId}", e.BookedOn ?? e.ValueDate));

    /// <summary>The batch a reference names: <c>2026Q1-01</c>.</summary>
    [GeneratedRegex(@"\d{4}Q[1-4]-\d{2}(?!\d)")]
    public static partial Regex BatchReference();
}

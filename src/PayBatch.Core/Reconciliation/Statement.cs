using PayBatch.Core.Domain;

namespace PayBatch.Core.Reconciliation;

/// <summary>
/// One statement of an account (a camt.053 <c>Stmt</c>, an MT940 <c>:20:</c> … <c>:62F:</c>/<c>:62M:</c>),
/// as read: balances signed (a debit balance is negative), entries in file order.
/// </summary>
public sealed record Statement(
    int Line, string Id, string Account, string Currency,
    Tenge Opening, DateOnly OpeningDate, Tenge Closing, DateOnly ClosingDate,
    IReadOnlyList<StatementEntry> Entries)
{
    /// <summary>
    /// What the closing balance must be: the opening balance plus the booked entries (pending ones do not count); null when
    /// they add up past what an amount can be (each amount read fits, not their sum).
    /// </summary>
    public Tenge? ClosingByEntries
    {
        get
        {
            var tiyn = Opening.Tiyn + Entries.Where(e => e.Booked).Sum(e => (decimal)e.Signed.Tiyn);
            return tiyn >= long.MinValue && tiyn <= long.MaxValue ? new Tenge((long)tiyn) : null;
        }
    }

    /// <summary>Whether the statement's dates fall in the years a quarter can be in.</summary>
    public bool DatedWithinQuarters => Quarter.Covers(OpeningDate) && Quarter.Covers(ClosingDate);
}

/// <summary>
/// One entry of a statement. <see cref="Credit"/> is the direction on the account (an MT940 <c>RD</c>,
/// reversal of a debit, is a credit); <see cref="Location"/> is the XML path or the MT940 line;
/// <see cref="Identity"/> is the same for the same entry in two files (overlapping statements).
/// </summary>
public sealed record StatementEntry(
    int Line, string Location, bool Booked, bool Credit, bool Reversal, Tenge Amount,
    DateOnly? BookedOn, DateOnly? ValueDate, string? BankReference,
    IReadOnlyList<string> References, IReadOnlyList<EntryTransaction> Transactions, string Identity)
{
    public Tenge Signed => Credit ? Amount : new Tenge(-Amount.Tiyn);
}

/// <summary>A single payment inside an entry: its end-to-end reference, amount and return reason when known.</summary>
public sealed record EntryTransaction(int Line, string? EndToEndId, Tenge? Amount, string? ReturnReason);

public static class StatementEntries
{
    /// <summary>
    /// Gives each entry an identity that is the same wherever the entry is read: the account and the
    /// bank's own reference for the entry when it has one, else everything the entry says, numbered
    /// when a statement holds identical entries (two equal fees on one day stay two). <paramref name="seen"/> carries the
    /// numbering on from a statement's earlier pages (an MT940 <c>:60M:</c> page): identical entries on two pages stay two.
    /// </summary>
    public static IReadOnlyList<StatementEntry> WithIdentities(string account, IReadOnlyList<StatementEntry> entries, Dictionary<string, int>? seen = null)
    {
        seen ??= new Dictionary<string, int>(StringComparer.Ordinal);
        return entries.Select(e =>
        {
            var key = e.BankReference is { Length: > 0 } bank && bank != "NONREF"
                ? $"{account}|bank|{bank}|{e.Credit}|{e.Amount.Tiyn}"
                : string.Join('|', account, e.BookedOn?.DayNumber, e.ValueDate?.DayNumber, e.Credit, e.Reversal, e.Amount.Tiyn, string.Join('|', e.References));
            var n = seen[key] = seen.GetValueOrDefault(key) + 1;
            var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{key}#{n}"));
            return e with { Identity = Convert.ToHexStringLower(hash) };
        }).ToList();
    }
}

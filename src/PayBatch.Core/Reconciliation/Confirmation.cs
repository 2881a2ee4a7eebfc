using PayBatch.Core.Domain;

namespace PayBatch.Core.Reconciliation;

/// <summary>What a bank says of a payment; files and the database hold the lower-case code.</summary>
public enum ConfirmationStatus { Credited, Rejected, Returned }

public static class ConfirmationStatuses
{
    public static string Code(this ConfirmationStatus status) => Codes.Of(status);

    /// <summary>The status a payment takes when the bank's word is applied.</summary>
    public static PaymentStatus PaymentStatus(this ConfirmationStatus status) => status switch
    {
        ConfirmationStatus.Credited => Domain.PaymentStatus.Credited,
        ConfirmationStatus.Rejected => Domain.PaymentStatus.Rejected,
        ConfirmationStatus.Returned => Domain.PaymentStatus.Returned,
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}

/// <summary>
/// One bank confirmation as read: a line of CSV, a pain.002 transaction, a camt.054 entry, or a return
/// in a statement (then <see cref="Entry"/> says where in the statement and which entry it is).
/// </summary>
public sealed record Confirmation(
    string File,
    int Line,
    string Reference,
    ConfirmationStatus Status,
    DateOnly? CreditedOn,
    Tenge? Amount,
    string? Iban,
    string? Reason,
    ReturnEntry? Entry = null)
{
    /// <summary>The quarter a payment or batch reference names (<c>2026Q1-01…</c>), or null.</summary>
    public static string? QuarterOf(string reference) =>
        reference.Length >= 6 && Quarter.TryParse(reference[..6], out var q) ? q.ToString() : null;
}

/// <summary>Where a return stands in a statement (XML path or MT940 line) and the identity of its entry.</summary>
public sealed record ReturnEntry(string Location, string Identity, DateOnly? BookedOn);

/// <summary>
/// A confirmation file as read and checked whole: its kind, hash, number of lines and the quarters they
/// name; for an account statement, its statements too. A CSV's lines are read again from the file each
/// time <see cref="Lines"/> is enumerated (a million confirmations are not held); other files keep theirs.
/// </summary>
public sealed class ConfirmationFile
{
    private readonly Func<IEnumerable<Confirmation>> _lines;

    public ConfirmationFile(string path, string kind, string sha256, IReadOnlyList<Confirmation> lines, IReadOnlyList<Statement>? statements = null)
        : this(path, kind, sha256, lines.Count, lines.Select(l => Confirmation.QuarterOf(l.Reference)).OfType<string>().ToHashSet(StringComparer.Ordinal),
            () => lines, statements)
    {
    }

    public ConfirmationFile(string path, string kind, string sha256, int count, IReadOnlySet<string> quarters, Func<IEnumerable<Confirmation>> lines,
        IReadOnlyList<Statement>? statements = null)
    {
        Path = path;
        Kind = kind;
        Sha256 = sha256;
        Count = count;
        Quarters = quarters;
        _lines = lines;
        AllStatements = statements ?? [];
    }

    public string Path { get; }
    public string Kind { get; }
    public string Sha256 { get; }
    public int Count { get; }

    /// <summary>The quarters the lines' references name.</summary>
    public IReadOnlySet<string> Quarters { get; }

    public IEnumerable<Confirmation> Lines => _lines();
    public IReadOnlyList<Statement> AllStatements { get; }
}

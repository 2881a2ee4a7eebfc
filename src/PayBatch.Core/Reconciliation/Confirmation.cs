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
    ReturnEntry? Entry = null);

/// <summary>Where a return stands in a statement (XML path or MT940 line) and the identity of its entry.</summary>
public sealed record ReturnEntry(string Location, string Identity, DateOnly? BookedOn);

/// <summary>A confirmation file as read: its kind, hash and lines; for an account statement, its statements too.</summary>
public sealed record ConfirmationFile(string Path, string Kind, string Sha256, IReadOnlyList<Confirmation> Lines, IReadOnlyList<Statement>? Statements = null)
{
    public IReadOnlyList<Statement> AllStatements => Statements ?? [];
}

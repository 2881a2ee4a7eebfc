using PayBatch.Core.Domain;

namespace PayBatch.Core.Reconciliation;

/// <summary>What a bank says of a payment; files and the database hold the lower-case code.</summary>
public enum ConfirmationStatus { Credited, Rejected }

public static class ConfirmationStatuses
{
    public static string Code(this ConfirmationStatus status) => Codes.Of(status);

    /// <summary>The status a payment takes when the bank's word is applied.</summary>
    public static PaymentStatus PaymentStatus(this ConfirmationStatus status) => status switch
    {
        ConfirmationStatus.Credited => Domain.PaymentStatus.Credited,
        ConfirmationStatus.Rejected => Domain.PaymentStatus.Rejected,
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}

/// <summary>One bank confirmation as read: a line of CSV, a pain.002 transaction, a camt.054 entry.</summary>
public sealed record Confirmation(
    string File,
    int Line,
    string Reference,
    ConfirmationStatus Status,
    DateOnly? CreditedOn,
    Tenge? Amount,
    string? Iban,
    string? Reason);

/// <summary>A confirmation file as read: its kind, hash and lines.</summary>
public sealed record ConfirmationFile(string Path, string Kind, string Sha256, IReadOnlyList<Confirmation> Lines);

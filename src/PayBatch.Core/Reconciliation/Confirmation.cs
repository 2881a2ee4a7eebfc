using PayBatch.Core.Domain;

namespace PayBatch.Core.Reconciliation;

public enum ConfirmationStatus { Credited, Rejected }

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

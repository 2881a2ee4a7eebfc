using PayBatch.Core.Domain;

namespace PayBatch.Core.Persistence;

// Database rows. Money is whole tiyn (long), dates are DateOnly, statuses and kinds are enums stored
// as their lower-case codes (Codes) and guarded by check constraints. Identifiers are text here and
// parsed into domain types at the edge.

public sealed class CaseRow
{
    public string CaseId { get; set; } = "";
    public string District { get; set; } = "";
    public string ApplicantIin { get; set; } = "";
    public string ApplicantName { get; set; } = "";
    public ApplicantRole ApplicantRole { get; set; }
    public string? GuardianshipRef { get; set; }
    public string ChildIin { get; set; } = "";
    public string ChildName { get; set; } = "";
    public DateOnly ChildBirthDate { get; set; }
    public DateOnly ApplicationDate { get; set; }
    public string DecisionNo { get; set; } = "";
    public DateOnly DecisionDate { get; set; }
    public string DisabilityCertNo { get; set; } = "";
    public DateOnly? DisabilityValidTo { get; set; }
    public DateOnly HomeEducationFrom { get; set; }
    public DateOnly? HomeEducationTo { get; set; }
    public DateOnly? StudyEndDate { get; set; }
    public string BankBic { get; set; } = "";
    public string Iban { get; set; } = "";
    public CaseStatus Status { get; set; }
}

/// <summary>A change of a case's bank details by a registry import: the history SPEC asks to keep.</summary>
public sealed class BankDetailChangeRow
{
    public long Id { get; set; }
    public string CaseId { get; set; } = "";
    public string OldBankBic { get; set; } = "";
    public string OldIban { get; set; } = "";
    public string NewBankBic { get; set; } = "";
    public string NewIban { get; set; } = "";
    public DateTime ChangedAtUtc { get; set; }
}

public sealed class CertificateRow
{
    public long Id { get; set; }
    public string ChildIin { get; set; } = "";
    public string Quarter { get; set; } = "";
    public string CertificateNo { get; set; } = "";
    public DateOnly IssuedOn { get; set; }
    public string School { get; set; } = "";
}

public sealed class BatchRow
{
    public long Id { get; set; }
    public string Quarter { get; set; } = "";
    public int Number { get; set; }
    public BatchKind Kind { get; set; }
    public DateOnly ValueDate { get; set; }
    public int Mrp { get; set; }
    public decimal Coefficient { get; set; }
    public long AmountPerChildTiyn { get; set; }
    public int Count { get; set; }
    public long TotalTiyn { get; set; }
    public int Excluded { get; set; }
    /// <summary>The payer details and texts the files were written with, so a lost file is re-created byte for byte.</summary>
    public string WrittenWith { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    /// <summary>Prepared (awaiting signatures), released or cancelled.</summary>
    public BatchState State { get; set; } = BatchState.Released;
    /// <summary>Who ran the batch: the operating-system user, and the database login where the database has one.</summary>
    public string PreparedBy { get; set; } = "";
    public string? PreparedByDbLogin { get; set; }
    public DateTime? ReleasedAtUtc { get; set; }
    public string? CancelReason { get; set; }
    public string? CancelledBy { get; set; }
    public DateTime? CancelledAtUtc { get; set; }
    public List<BatchFileRow> Files { get; set; } = [];
}

/// <summary>
/// A signature given to a batch: one per role (unique), never the same person for both roles
/// (unique IIN per batch), so two signers racing for one role leave one row.
/// </summary>
public sealed class BatchSignatureRow
{
    public long Id { get; set; }
    public long BatchId { get; set; }
    /// <summary><c>first</c> (the head) or <c>second</c> (the chief accountant).</summary>
    public string Role { get; set; } = "";
    public string Iin { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>SHA-256 of the signer's certificate, lower-case hex.</summary>
    public string Thumbprint { get; set; } = "";
    public DateTime SignedAtUtc { get; set; }
    /// <summary>The operating-system user who ran <c>sign</c>.</summary>
    public string SignedBy { get; set; } = "";
}

public sealed class BatchFileRow
{
    public long Id { get; set; }
    public long BatchId { get; set; }
    public string Bic { get; set; } = "";
    public string FileName { get; set; } = "";
    public BankFileFormat Format { get; set; }
    public int Count { get; set; }
    public long TotalTiyn { get; set; }
    public string Sha256 { get; set; } = "";
}

public sealed class PaymentRow
{
    public long Id { get; set; }
    public long BatchId { get; set; }
    public string Reference { get; set; } = "";
    public string Quarter { get; set; } = "";
    public int Sequence { get; set; }
    public string CaseId { get; set; } = "";
    public string District { get; set; } = "";
    public string ChildIin { get; set; } = "";
    public string ApplicantIin { get; set; } = "";
    public string ApplicantName { get; set; } = "";
    public string Iban { get; set; } = "";
    public string Bic { get; set; } = "";
    public long AmountTiyn { get; set; }
    /// <summary>Issued, credited, rejected, returned or cancelled (its batch was voided before release).</summary>
    public PaymentStatus Status { get; set; }
    /// <summary>When the bank credited it; kept when the money later comes back (returned).</summary>
    public DateOnly? CreditedOn { get; set; }
    public string? StatusReason { get; set; }
    /// <summary>The rejected or returned payment this one replaces (a re-issue).</summary>
    public long? ReplacesPaymentId { get; set; }
}

/// <summary>A case a batch did not pay, with its reasons (joined by ';', SPEC order).</summary>
public sealed class ExclusionRow
{
    public long Id { get; set; }
    public long BatchId { get; set; }
    public string Quarter { get; set; } = "";
    public string CaseId { get; set; } = "";
    public string ChildIin { get; set; } = "";
    public string Reasons { get; set; } = "";
}

/// <summary>One confirmation line as read and what it did: where a payment's status came from.</summary>
public sealed class ConfirmationRow
{
    public long Id { get; set; }
    public string File { get; set; } = "";
    public string FileSha256 { get; set; } = "";
    public int Line { get; set; }
    public string Reference { get; set; } = "";
    public long? PaymentId { get; set; }
    /// <summary>What the line said: <c>credited</c> or <c>rejected</c> (the confirmation status's code).</summary>
    public string Status { get; set; } = "";
    public DateOnly? CreditedOn { get; set; }
    public long? AmountTiyn { get; set; }
    public string? Iban { get; set; }
    public string? Reason { get; set; }
    /// <summary><c>applied</c>, <c>same</c>, or the finding code.</summary>
    public string Outcome { get; set; } = "";
    public DateTime ReadAtUtc { get; set; }
}

/// <summary>A statement of the department's account as read (camt.053 <c>Stmt</c>, MT940 <c>:20:</c> … <c>:62F:</c>).</summary>
public sealed class StatementRow
{
    public long Id { get; set; }
    public string File { get; set; } = "";
    public string FileSha256 { get; set; } = "";
    public int Line { get; set; }
    public string StatementId { get; set; } = "";
    public DateOnly OpeningDate { get; set; }
    public DateOnly ClosingDate { get; set; }
    public long OpeningTiyn { get; set; }
    public long ClosingTiyn { get; set; }
    public DateTime ReadAtUtc { get; set; }
}

/// <summary>
/// A statement entry that concerns PayBatch: a batch's debit (or its reversal, negative) or a returned
/// payment. <see cref="EntryKey"/> identifies the entry across files, so an entry read twice, or in two
/// overlapping statements, is kept and counted once.
/// </summary>
public sealed class StatementEntryRow
{
    public long Id { get; set; }
    public string EntryKey { get; set; } = "";
    public string File { get; set; } = "";
    public string FileSha256 { get; set; } = "";
    public int Line { get; set; }
    /// <summary>The XML path (camt.053) or the line (MT940) of the entry.</summary>
    public string Location { get; set; } = "";
    /// <summary><c>debit</c> or <c>return</c>.</summary>
    public string Kind { get; set; } = "";
    /// <summary>The batch (<c>2026Q1-01</c>) or payment reference the entry names.</summary>
    public string Reference { get; set; } = "";
    public long? BatchId { get; set; }
    public long? PaymentId { get; set; }
    public long AmountTiyn { get; set; }
    public DateOnly? BookedOn { get; set; }
    public string? Reason { get; set; }
    /// <summary><c>debited</c>, <c>applied</c>, <c>same</c>, or the finding code.</summary>
    public string Outcome { get; set; } = "";
    public DateTime ReadAtUtc { get; set; }
}

/// <summary>
/// A finding (other than OVERDUE, which is recomputed from the payments) of the last reconcile that
/// concerned the quarter: what <c>status</c> counts and <c>findings</c> lists. Each reconcile replaces its quarters' rows.
/// </summary>
public sealed class ReconcileFindingRow
{
    public long Id { get; set; }
    public string Quarter { get; set; } = "";
    public string File { get; set; } = "";
    public int? Line { get; set; }
    public string Reference { get; set; } = "";
    public string Code { get; set; } = "";
    public string Detail { get; set; } = "";
    public DateTime ReconciledAtUtc { get; set; }
}

/// <summary>The audit trail: every command run, who, when, with what, and what it changed.</summary>
public sealed class AuditRow
{
    public long Id { get; set; }
    public string RunId { get; set; } = "";
    public string Command { get; set; } = "";
    public string Arguments { get; set; } = "";
    public string User { get; set; } = "";
    public string Machine { get; set; } = "";
    public DateTime StartedAtUtc { get; set; }
    public DateTime FinishedAtUtc { get; set; }
    public int ExitCode { get; set; }
    public string InputHashes { get; set; } = "";
    public string Changes { get; set; } = "";
}

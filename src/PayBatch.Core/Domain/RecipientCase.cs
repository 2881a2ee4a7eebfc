namespace PayBatch.Core.Domain;

public enum CaseStatus { Approved, Suspended, Terminated }

public enum ApplicantRole { Parent, Guardian }

/// <summary>
/// One approved case of the registry: one child, one applicant, one bank account. Identifiers are
/// kept as written (after trimming; the IBAN normalised) because a wrong check digit is data the
/// accountant must see, not a reason to refuse the file.
/// </summary>
public sealed record RecipientCase
{
    public required string CaseId { get; init; }
    public required string District { get; init; }
    public required string ApplicantIin { get; init; }
    public required string ApplicantName { get; init; }
    public required ApplicantRole ApplicantRole { get; init; }
    public string? GuardianshipRef { get; init; }
    public required string ChildIin { get; init; }
    public required string ChildName { get; init; }
    public required DateOnly ChildBirthDate { get; init; }
    public required DateOnly ApplicationDate { get; init; }
    public required string DecisionNo { get; init; }
    public required DateOnly DecisionDate { get; init; }
    public required string DisabilityCertNo { get; init; }
    public DateOnly? DisabilityValidTo { get; init; }
    public required DateOnly HomeEducationFrom { get; init; }
    public DateOnly? HomeEducationTo { get; init; }
    public DateOnly? StudyEndDate { get; init; }
    public required string BankBic { get; init; }
    public required string Iban { get; init; }
    public required CaseStatus Status { get; init; }
}

public static class CaseStatuses
{
    public static bool TryParse(string? text, out CaseStatus status) => Codes.TryParse(text, out status);

    public static string Code(this CaseStatus s) => Codes.Of(s);

    public static bool TryParseRole(string? text, out ApplicantRole role) => Codes.TryParse(text, out role);

    public static string Code(this ApplicantRole r) => Codes.Of(r);
}

namespace PayBatch.Core.Eligibility;

/// <summary>Why a case is not paid for a quarter. Declaration order is SPEC's reporting order.</summary>
public enum Reason
{
    NotApproved,
    DecisionAfterQuarter,
    StudyEnded,
    NoSchoolCertificate,
    HomeEducationNotCovered,
    DisabilityExpired,
    ChildOverAge,
    GuardianshipMissing,
    InvalidApplicantIin,
    InvalidChildIin,
    InvalidIban,
    UnknownBank,
    IbanBankMismatch,
    DuplicateChild,
    AlreadyPaid,
}

public static class Reasons
{
    /// <summary>The code of SPEC: <c>NO_SCHOOL_CERTIFICATE</c>.</summary>
    public static string Code(this Reason reason) => reason switch
    {
        Reason.NotApproved => "NOT_APPROVED",
        Reason.DecisionAfterQuarter => "DECISION_AFTER_QUARTER",
        Reason.StudyEnded => "STUDY_ENDED",
        Reason.NoSchoolCertificate => "NO_SCHOOL_CERTIFICATE",
        Reason.HomeEducationNotCovered => "HOME_EDUCATION_NOT_COVERED",
        Reason.DisabilityExpired => "DISABILITY_EXPIRED",
        Reason.ChildOverAge => "CHILD_OVER_AGE",
        Reason.GuardianshipMissing => "GUARDIANSHIP_MISSING",
        Reason.InvalidApplicantIin => "INVALID_APPLICANT_IIN",
        Reason.InvalidChildIin => "INVALID_CHILD_IIN",
        Reason.InvalidIban => "INVALID_IBAN",
        Reason.UnknownBank => "UNKNOWN_BANK",
        Reason.IbanBankMismatch => "IBAN_BANK_MISMATCH",
        Reason.DuplicateChild => "DUPLICATE_CHILD",
        Reason.AlreadyPaid => "ALREADY_PAID",
        _ => throw new ArgumentOutOfRangeException(nameof(reason)),
    };

    public static IReadOnlyList<Reason> All { get; } = Enum.GetValues<Reason>();

    /// <summary>Reasons as files and the database hold them: codes joined by ';', in the order given.</summary>
    public static string Join(IEnumerable<Reason> reasons) => string.Join(';', reasons.Select(r => r.Code()));

    /// <summary>The stored form back (see <see cref="Join"/>); an unknown code is corrupt data.</summary>
    public static IReadOnlyList<Reason> Split(string codes) =>
        codes.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(c => TryParse(c, out var r) ? r : throw new InvalidDataException($"'{c}' is not a reason code")).ToList();

    public static bool TryParse(string code, out Reason reason)
    {
        foreach (var r in All)
            if (r.Code() == code) { reason = r; return true; }
        reason = default;
        return false;
    }
}

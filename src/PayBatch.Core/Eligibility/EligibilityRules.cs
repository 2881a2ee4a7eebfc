using PayBatch.Core.Domain;

namespace PayBatch.Core.Eligibility;

/// <summary>What a decision for one quarter needs to know beyond the case itself.</summary>
public sealed record QuarterFacts(
    Quarter Quarter,
    BankDirectory Banks,
    ChildIins Certified,
    ChildIins ChildrenInSeveralApprovedCases,
    ChildIins ChildrenAlreadyPaid);

/// <summary>A case's identifiers, each parsed once for the rules; null where it is not valid.</summary>
public readonly record struct CaseIds(Iin? Applicant, Iin? Child, Iban? Iban)
{
    public static CaseIds Of(RecipientCase c) => new(
        Iin.TryParse(c.ApplicantIin, out var applicant) ? applicant : null,
        Iin.TryParse(c.ChildIin, out var child) ? child : null,
        Domain.Iban.TryParse(c.Iban, out var iban) ? iban : null);
}

/// <summary>
/// The eligibility rules of SPEC, one line each, in SPEC's order. A pure function: the same case and
/// facts always give the same reasons.
/// </summary>
public static class EligibilityRules
{
    private sealed record Rule(Reason Reason, Func<RecipientCase, CaseIds, QuarterFacts, bool> Holds);

    private static DateOnly S(QuarterFacts f) => f.Quarter.FirstDay;
    private static DateOnly E(QuarterFacts f) => f.Quarter.LastDay;

    private static readonly Rule[] Rules =
    [
        new(Reason.NotApproved,             (c, ids, f) => c.Status != CaseStatus.Approved),
        new(Reason.DecisionAfterQuarter,    (c, ids, f) => c.DecisionDate > E(f)),
        new(Reason.StudyEnded,              (c, ids, f) => c.StudyEndDate < S(f)),
        new(Reason.NoSchoolCertificate,     (c, ids, f) => !f.Certified.Contains(c.ChildIin)),
        new(Reason.HomeEducationNotCovered, (c, ids, f) => c.HomeEducationFrom > E(f) || c.HomeEducationTo < S(f)),
        new(Reason.DisabilityExpired,       (c, ids, f) => c.DisabilityValidTo < S(f)),
        // Eighteen on the quarter's first day or before (a quarter begins on the 1st: the same as the birthday's eighteenth
        // anniversary, which for a birth date near 9999 is no date).
        new(Reason.ChildOverAge,            (c, ids, f) => c.ChildBirthDate <= S(f).AddYears(-18)),
        new(Reason.GuardianshipMissing,     (c, ids, f) => c.ApplicantRole == ApplicantRole.Guardian && string.IsNullOrWhiteSpace(c.GuardianshipRef)),
        new(Reason.InvalidApplicantIin,     (c, ids, f) => ids.Applicant is null),
        new(Reason.InvalidChildIin,         (c, ids, f) => ids.Child is not { } iin || iin.BirthDate != c.ChildBirthDate),
        new(Reason.InvalidIban,             (c, ids, f) => ids.Iban is null),
        new(Reason.UnknownBank,             (c, ids, f) => !f.Banks.TryGet(c.BankBic, out _)),
        new(Reason.IbanBankMismatch,        (c, ids, f) => ids.Iban is { } iban && f.Banks.TryGet(c.BankBic, out var bank) && iban.BankCode != bank.Code),
        new(Reason.DuplicateChild,          (c, ids, f) => c.Status == CaseStatus.Approved && f.ChildrenInSeveralApprovedCases.Contains(c.ChildIin)),
        new(Reason.AlreadyPaid,             (c, ids, f) => f.ChildrenAlreadyPaid.Contains(c.ChildIin)),
    ];

    /// <summary>
    /// Every reason that holds, in SPEC's order; empty when the case is paid, and then <paramref name="ids"/> are all
    /// valid: a payee is made from them, not from the text parsed again.
    /// </summary>
    public static IReadOnlyList<Reason> Check(RecipientCase c, QuarterFacts facts, out CaseIds ids)
    {
        ids = CaseIds.Of(c);
        List<Reason>? reasons = null;
        foreach (var rule in Rules)
            if (rule.Holds(c, ids, facts)) (reasons ??= []).Add(rule.Reason);
        return reasons ?? (IReadOnlyList<Reason>)[];
    }
}

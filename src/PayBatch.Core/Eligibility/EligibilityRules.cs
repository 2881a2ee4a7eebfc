using PayBatch.Core.Domain;

namespace PayBatch.Core.Eligibility;

/// <summary>What a decision for one quarter needs to know beyond the case itself.</summary>
public sealed record QuarterFacts(
    Quarter Quarter,
    BankDirectory Banks,
    ChildIins Certified,
    ChildIins ChildrenInSeveralApprovedCases,
    ChildIins ChildrenAlreadyPaid);

/// <summary>
/// The eligibility rules of SPEC, one line each, in SPEC's order. A pure function: the same case and
/// facts always give the same reasons.
/// </summary>
public static class EligibilityRules
{
    private sealed record Rule(Reason Reason, Func<RecipientCase, QuarterFacts, bool> Holds);

    private static DateOnly S(QuarterFacts f) => f.Quarter.FirstDay;
    private static DateOnly E(QuarterFacts f) => f.Quarter.LastDay;

    private static readonly Rule[] Rules =
    [
        new(Reason.NotApproved,             (c, f) => c.Status != CaseStatus.Approved),
        new(Reason.DecisionAfterQuarter,    (c, f) => c.DecisionDate > E(f)),
        new(Reason.StudyEnded,              (c, f) => c.StudyEndDate < S(f)),
        new(Reason.NoSchoolCertificate,     (c, f) => !f.Certified.Contains(c.ChildIin)),
        new(Reason.HomeEducationNotCovered, (c, f) => c.HomeEducationFrom > E(f) || c.HomeEducationTo < S(f)),
        new(Reason.DisabilityExpired,       (c, f) => c.DisabilityValidTo < S(f)),
        new(Reason.ChildOverAge,            (c, f) => c.ChildBirthDate.AddYears(18) <= S(f)),
        new(Reason.GuardianshipMissing,     (c, f) => c.ApplicantRole == ApplicantRole.Guardian && string.IsNullOrWhiteSpace(c.GuardianshipRef)),
        new(Reason.InvalidApplicantIin,     (c, f) => !Iin.TryParse(c.ApplicantIin, out _)),
        new(Reason.InvalidChildIin,         (c, f) => !Iin.TryParse(c.ChildIin, out var iin) || iin.BirthDate != c.ChildBirthDate),
        new(Reason.InvalidIban,             (c, f) => !Iban.TryParse(c.Iban, out _)),
        new(Reason.UnknownBank,             (c, f) => !f.Banks.TryGet(c.BankBic, out _)),
        new(Reason.IbanBankMismatch,        (c, f) => Iban.TryParse(c.Iban, out var iban) && f.Banks.TryGet(c.BankBic, out var bank) && iban.BankCode != bank.Code),
        new(Reason.DuplicateChild,          (c, f) => c.Status == CaseStatus.Approved && f.ChildrenInSeveralApprovedCases.Contains(c.ChildIin)),
        new(Reason.AlreadyPaid,             (c, f) => f.ChildrenAlreadyPaid.Contains(c.ChildIin)),
    ];

    /// <summary>Every reason that holds, in SPEC's order; empty when the case is paid.</summary>
    public static IReadOnlyList<Reason> Check(RecipientCase c, QuarterFacts facts)
    {
        List<Reason>? reasons = null;
        foreach (var rule in Rules)
            if (rule.Holds(c, facts)) (reasons ??= []).Add(rule.Reason);
        return reasons ?? (IReadOnlyList<Reason>)[];
    }
}

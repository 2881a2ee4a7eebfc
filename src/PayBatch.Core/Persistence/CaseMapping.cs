using PayBatch.Core.Domain;

namespace PayBatch.Core.Persistence;

/// <summary>A registry row as the domain case, the one place their fields are paired.</summary>
public static class CaseMapping
{
    public static RecipientCase ToDomain(CaseRow r) => new()
    {
        CaseId = r.CaseId, District = r.District, ApplicantIin = r.ApplicantIin, ApplicantName = r.ApplicantName,
        ApplicantRole = r.ApplicantRole, GuardianshipRef = r.GuardianshipRef, ChildIin = r.ChildIin, ChildName = r.ChildName,
        ChildBirthDate = r.ChildBirthDate, ApplicationDate = r.ApplicationDate, DecisionNo = r.DecisionNo, DecisionDate = r.DecisionDate,
        DisabilityCertNo = r.DisabilityCertNo, DisabilityValidTo = r.DisabilityValidTo, HomeEducationFrom = r.HomeEducationFrom,
        HomeEducationTo = r.HomeEducationTo, StudyEndDate = r.StudyEndDate, BankBic = r.BankBic, Iban = r.Iban, Status = r.Status,
    };

}

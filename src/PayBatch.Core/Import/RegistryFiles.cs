using PayBatch.Core.Domain;
using PayBatch.Core.Persistence;
using PayBatch.Core.Localization;

namespace PayBatch.Core.Import;

/// <summary>
/// The rows of <c>recipients.csv</c> and <c>certificates.csv</c>, read and checked one at a time into the
/// rows they are stored as. Identifiers are kept as written: a wrong check digit is data the run excludes.
/// </summary>
public static class RegistryFiles
{
    public static readonly string[] RecipientColumns =
    [
        "case_id", "district", "applicant_iin", "applicant_name", "applicant_role", "guardianship_ref",
        "child_iin", "child_name", "child_birth_date", "application_date", "decision_no", "decision_date",
        "disability_cert_no", "disability_valid_to", "home_education_from", "home_education_to",
        "study_end_date", "bank_bic", "iban", "status",
    ];

    public static readonly string[] CertificateColumns = ["child_iin", "quarter", "certificate_no", "issued_on", "school"];

    /// <summary>The next readable case, or null when the row has problems (recorded on <paramref name="csv"/>).</summary>
    public static CaseRow? ReadCase(CsvInput csv)
    {
        var before = csv.Problems.Count;
        var caseId = csv.RequiredText("case_id");
        var roleText = csv.Text("applicant_role");
        if (!CaseStatuses.TryParseRole(roleText, out var role)) csv.Problem("applicant_role", CoreText.RoleInvalid);
        var statusText = csv.Text("status");
        if (!CaseStatuses.TryParse(statusText, out var status)) csv.Problem("status", CoreText.CaseStatusInvalid);
        var c = new CaseRow
        {
            CaseId = caseId,
            District = csv.Text("district"),
            ApplicantIin = csv.Text("applicant_iin"),
            ApplicantName = csv.Text("applicant_name"),
            ApplicantRole = role,
            GuardianshipRef = csv.OptionalText("guardianship_ref"),
            ChildIin = csv.Text("child_iin"),
            ChildName = csv.Text("child_name"),
            ChildBirthDate = csv.RequiredDate("child_birth_date"),
            ApplicationDate = csv.RequiredDate("application_date"),
            DecisionNo = csv.Text("decision_no"),
            DecisionDate = csv.RequiredDate("decision_date"),
            DisabilityCertNo = csv.Text("disability_cert_no"),
            DisabilityValidTo = csv.OptionalDate("disability_valid_to"),
            HomeEducationFrom = csv.RequiredDate("home_education_from"),
            HomeEducationTo = csv.OptionalDate("home_education_to"),
            StudyEndDate = csv.OptionalDate("study_end_date"),
            BankBic = csv.Text("bank_bic").ToUpperInvariant(),
            Iban = Iban.Normalize(csv.Text("iban")),
            Status = status,
        };
        return csv.Problems.Count == before ? c : null;
    }

    /// <summary>A school certificate: the child studies this quarter (seed point 12.6).</summary>
    public static CertificateRow? ReadCertificate(CsvInput csv)
    {
        var before = csv.Problems.Count;
        var child = csv.RequiredText("child_iin");
        var quarterText = csv.Text("quarter");
        if (!Quarter.TryParse(quarterText, out var quarter)) csv.Problem("quarter", CoreText.QuarterInvalid);
        var number = csv.Text("certificate_no");
        var issued = csv.RequiredDate("issued_on");
        var school = csv.Text("school");
        return csv.Problems.Count == before
            ? new CertificateRow { ChildIin = child, Quarter = quarter.ToString(), CertificateNo = number, IssuedOn = issued, School = school }
            : null;
    }
}

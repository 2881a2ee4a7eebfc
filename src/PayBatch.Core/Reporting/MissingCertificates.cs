using PayBatch.Core.Domain;

namespace PayBatch.Core.Reporting;

/// <summary>An approved case whose child has no school certificate for the quarter, with the child's latest certificate.</summary>
public sealed record MissingCertificate(string CaseId, string District, string ApplicantName, string ChildName, string? LastQuarter, string? LastSchool);

/// <summary>A case as the missing-certificates list reads it.</summary>
public sealed record RegistryCase(string CaseId, string District, string ApplicantName, string ChildIin, string ChildName, CaseStatus Status);

/// <summary>A school certificate as the list reads it.</summary>
public sealed record CertificateOf(string ChildIin, string Quarter, DateOnly IssuedOn, string School);

/// <summary>
/// The families the accountant should call: every approved case whose child has no certificate for
/// the quarter, grouped by district (districts, then case ids, in ordinal order).
/// </summary>
public static class MissingCertificates
{
    public static IReadOnlyList<MissingCertificate> Compute(Quarter q, IEnumerable<RegistryCase> cases, IEnumerable<CertificateOf> certificates)
    {
        var qs = q.ToString();
        var byChild = certificates.ToLookup(c => c.ChildIin, StringComparer.Ordinal);
        return cases
            .Where(c => c.Status == CaseStatus.Approved && !byChild[c.ChildIin].Any(x => x.Quarter == qs))
            .OrderBy(c => c.District, StringComparer.Ordinal).ThenBy(c => c.CaseId, StringComparer.Ordinal)
            .Select(c =>
            {
                var latest = byChild[c.ChildIin].OrderByDescending(x => x.Quarter, StringComparer.Ordinal).ThenByDescending(x => x.IssuedOn).FirstOrDefault();
                return new MissingCertificate(c.CaseId, c.District, c.ApplicantName, c.ChildName, latest?.Quarter, latest?.School);
            })
            .ToList();
    }
}

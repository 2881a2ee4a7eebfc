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
    /// <summary>
    /// Reads <paramref name="certificates"/> once, keeping each child's latest only, then <paramref name="cases"/> once: at the
    /// start of a quarter every child of a million cases is missing, and neither input is held whole.
    /// </summary>
    public static IReadOnlyList<MissingCertificate> Compute(Quarter q, IEnumerable<RegistryCase> cases, IEnumerable<CertificateOf> certificates,
        CancellationToken ct = default)
    {
        var qs = q.ToString();
        var texts = new Dictionary<string, string>(StringComparer.Ordinal); // quarters, schools and districts repeat: one string each
        string Once(string s) => texts.TryGetValue(s, out var same) ? same : texts[s] = s;
        var byChild = new Dictionary<string, (bool HasQuarter, CertificateOf Latest)>(StringComparer.Ordinal);
        foreach (var c in certificates)
        {
            ct.ThrowIfCancellationRequested(); // the inputs are streamed from the database, which takes no token here
            var kept = c with { Quarter = Once(c.Quarter), School = Once(c.School) };
            byChild[c.ChildIin] = byChild.TryGetValue(c.ChildIin, out var known)
                ? (known.HasQuarter || c.Quarter == qs, Later(kept, known.Latest) ? kept : known.Latest)
                : (c.Quarter == qs, kept);
        }
        var missing = new List<MissingCertificate>();
        foreach (var c in cases)
        {
            ct.ThrowIfCancellationRequested();
            if (c.Status != CaseStatus.Approved) continue;
            var latest = byChild.TryGetValue(c.ChildIin, out var known) ? known : default;
            if (latest.HasQuarter) continue;
            missing.Add(new MissingCertificate(c.CaseId, Once(c.District), c.ApplicantName, c.ChildName, latest.Latest?.Quarter, latest.Latest?.School));
        }
        missing.Sort(static (a, b) => string.CompareOrdinal(a.District, b.District) is var d and not 0 ? d : string.CompareOrdinal(a.CaseId, b.CaseId));
        return missing;
    }

    /// <summary>The later of two certificates of a child: by quarter, then by the day it was issued.</summary>
    private static bool Later(CertificateOf a, CertificateOf b) =>
        string.CompareOrdinal(a.Quarter, b.Quarter) is var d and not 0 ? d > 0 : a.IssuedOn > b.IssuedOn;
}

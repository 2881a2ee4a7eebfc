using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using PayBatch.Core.Domain;
using PayBatch.Core.Localization;

namespace PayBatch.Core.Release;

/// <summary>Who a certificate says its holder is: an NCA subject's IIN, name and organisation BIN.</summary>
public sealed record SignerIdentity(Iin Iin, string Name, string? Bin, string Thumbprint);

/// <summary>
/// The checks SPEC asks of a signer's certificate: valid today, digital-signature key usage, a
/// chain to a trusted root, and an NCA-shaped subject (<c>SERIALNUMBER=IIN…</c>, <c>OU=BIN…</c>).
/// </summary>
public static class SignerCertificate
{
    private const string CommonName = "2.5.4.3", SerialNumber = "2.5.4.5", OrganizationalUnit = "2.5.4.11";

    /// <summary>SHA-256 of the certificate, lower-case hex: how signatures name their signer.</summary>
    public static string Thumbprint(X509Certificate2 certificate) => Convert.ToHexStringLower(SHA256.HashData(certificate.RawData));

    public static SignerIdentity Identify(X509Certificate2 certificate)
    {
        var attributes = certificate.SubjectName.EnumerateRelativeDistinguishedNames()
            .Where(r => !r.HasMultipleElements)
            .Select(r => (Oid: r.GetSingleElementType().Value, Value: r.GetSingleElementValue() ?? ""))
            .ToList();
        var serial = attributes.FirstOrDefault(a => a.Oid == SerialNumber && a.Value.StartsWith("IIN", StringComparison.Ordinal)).Value;
        if (serial is null || !Iin.TryParse(serial[3..], out var iin))
            throw new InputException(CoreText.CertificateNoIin);
        var bin = attributes.FirstOrDefault(a => a.Oid == OrganizationalUnit && a.Value.StartsWith("BIN", StringComparison.Ordinal)).Value?[3..];
        var name = attributes.FirstOrDefault(a => a.Oid == CommonName).Value ?? "";
        return new SignerIdentity(iin, name, bin, Thumbprint(certificate));
    }

    /// <summary>Refuses (exit 2) a certificate that is not valid at <paramref name="nowUtc"/>, may not sign, or is not trusted.</summary>
    public static void Check(X509Certificate2 certificate, DateTime nowUtc, TrustStore trust)
    {
        if (nowUtc < certificate.NotBefore.ToUniversalTime())
            throw new InputException(CoreText.CertificateNotYetValid, Date(certificate.NotBefore));
        if (nowUtc > certificate.NotAfter.ToUniversalTime())
            throw new InputException(CoreText.CertificateExpired, Date(certificate.NotAfter));
        var usage = certificate.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault();
        if (usage is null || !usage.KeyUsages.HasFlag(X509KeyUsageFlags.DigitalSignature))
            throw new InputException(CoreText.CertificateNoDigitalSignature);
        if (trust.ChainProblem(certificate, nowUtc) is { } problem) throw new InputException(CoreText.CertificateNotTrusted, problem);
    }

    private static string Date(DateTime d) => d.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

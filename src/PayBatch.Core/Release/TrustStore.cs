using System.Security.Cryptography.X509Certificates;
using PayBatch.Core.Domain;
using PayBatch.Core.Localization;

namespace PayBatch.Core.Release;

/// <summary>
/// <c>Release:TrustedRoots</c>: a folder of <c>.pem</c>/<c>.cer</c>/<c>.crt</c> certificates. The
/// self-signed ones are the trusted roots; the others are intermediates that may complete a chain.
/// Chains are built offline: no download, no revocation check.
/// </summary>
public sealed class TrustStore : IDisposable
{
    private TrustStore(X509Certificate2Collection roots, X509Certificate2Collection intermediates)
    {
        Roots = roots;
        Intermediates = intermediates;
    }

    public X509Certificate2Collection Roots { get; }
    public X509Certificate2Collection Intermediates { get; }

    public static TrustStore Load(string? folder)
    {
        if (folder is null) throw new InputException(CoreText.TrustedRootsUnset);
        if (!Directory.Exists(folder)) throw new InputException(CoreText.TrustedRootsNotFound, folder);
        var roots = new X509Certificate2Collection();
        var intermediates = new X509Certificate2Collection();
        var files = Directory.EnumerateFiles(folder).Where(f => Path.GetExtension(f).ToLowerInvariant() is ".pem" or ".cer" or ".crt").Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var certificates = new X509Certificate2Collection();
            try
            {
                if (File.ReadAllText(file).Contains("-----BEGIN", StringComparison.Ordinal)) certificates.ImportFromPemFile(file);
                else certificates.Add(X509CertificateLoader.LoadCertificateFromFile(file));
            }
            catch (System.Security.Cryptography.CryptographicException e)
            {
                throw new InputException(CoreText.NotACertificate, file, e.Message);
            }
            foreach (var c in certificates)
                (c.SubjectName.RawData.AsSpan().SequenceEqual(c.IssuerName.RawData) ? roots : intermediates).Add(c);
        }
        if (roots.Count == 0) throw new InputException(CoreText.TrustedRootsNoRoot, folder);
        return new TrustStore(roots, intermediates);
    }

    /// <summary>Why the certificate does not chain to a trusted root at <paramref name="atUtc"/>; null when it does.</summary>
    public Said? ChainProblem(X509Certificate2 certificate, DateTime atUtc)
    {
        using var chain = new X509Chain();
        var policy = chain.ChainPolicy;
        policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        policy.CustomTrustStore.AddRange(Roots);
        policy.ExtraStore.AddRange(Intermediates);
        policy.RevocationMode = X509RevocationMode.NoCheck;
        policy.DisableCertificateDownloads = true;
        policy.VerificationTime = DateTime.SpecifyKind(atUtc, DateTimeKind.Utc);
        if (chain.Build(certificate)) return null;
        return CoreText.ChainNoTrustedRoot.With(string.Join(", ", chain.ChainStatus.Select(s => s.Status).Distinct()));
    }

    public void Dispose()
    {
        foreach (var c in Roots) c.Dispose();
        foreach (var c in Intermediates) c.Dispose();
    }
}

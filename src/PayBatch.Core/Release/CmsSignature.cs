using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using PayBatch.Core.Domain;
using PayBatch.Core.Localization;

namespace PayBatch.Core.Release;

/// <summary>
/// Detached CMS (PKCS#7) SHA-256 signatures, <c>FILE.p7s</c> beside <c>FILE</c>. The second signer
/// co-signs the same structure, so one <c>.p7s</c> holds both signers and any CMS verifier
/// (<c>openssl cms -verify</c>) checks both against the file.
/// </summary>
public static class CmsSignature
{
    public const string Extension = ".p7s";
    private static readonly Oid Sha256 = new("2.16.840.1.101.3.4.2.1");

    /// <summary>
    /// Signs <paramref name="content"/>, adding to <paramref name="existing"/> when the batch already
    /// has signatures. Signers the database does not record (left by a signing that crashed before its
    /// commit) are dropped; the kept ones must verify before anyone adds to them.
    /// </summary>
    public static byte[] Sign(string fileName, byte[] content, byte[]? existing, IReadOnlySet<string> recordedThumbprints,
        X509Certificate2 certificate, X509Certificate2Collection intermediates, DateTime nowUtc)
    {
        var cms = new SignedCms(new ContentInfo(content), detached: true);
        if (recordedThumbprints.Count > 0)
        {
            if (existing is null) throw new InputException(CoreText.SignatureMissing, fileName + Extension);
            try
            {
                cms.Decode(existing);
                for (var i = cms.SignerInfos.Count - 1; i >= 0; i--)
                    if (cms.SignerInfos[i].Certificate is not { } c || !recordedThumbprints.Contains(SignerCertificate.Thumbprint(c))) cms.RemoveSignature(i);
                if (cms.SignerInfos.Count != recordedThumbprints.Count)
                    throw new InputException(CoreText.SignatureLacksRecorded, fileName + Extension);
                cms.CheckSignature(verifySignatureOnly: true);
            }
            catch (CryptographicException e)
            {
                throw new InputException(CoreText.SignatureEarlierInvalid, fileName + Extension, e.Message);
            }
        }
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, certificate)
        {
            DigestAlgorithm = Sha256,
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        signer.Certificates.AddRange(intermediates); // so a verifier holding only the root completes the chain
        signer.SignedAttributes.Add(new Pkcs9SigningTime(nowUtc));
        cms.ComputeSignature(signer, silent: true);
        return cms.Encode();
    }

    /// <summary>The signer infos of a detached signature of <paramref name="content"/>, each with its certificate's thumbprint.</summary>
    public static IReadOnlyList<(string? Thumbprint, SignerInfo Info)> Read(byte[] content, byte[] signature)
    {
        var cms = new SignedCms(new ContentInfo(content), detached: true);
        cms.Decode(signature);
        return cms.SignerInfos.Cast<SignerInfo>()
            .Select(s => (s.Certificate is { } c ? SignerCertificate.Thumbprint(c) : null, s)).ToList();
    }
}

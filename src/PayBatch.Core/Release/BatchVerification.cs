using System.Security.Cryptography;
using PayBatch.Core.Batches;
using PayBatch.Core.Domain;
using PayBatch.Core.Localization;
using PayBatch.Core.Persistence;

namespace PayBatch.Core.Release;

/// <summary>Something about a batch's files that a person must look at before they go to a bank.</summary>
public sealed record VerifyFinding(string File, string Code, string Detail);

public sealed record VerifyOutcome(ReleaseRecord Release, int FilesChecked, IReadOnlyList<VerifyFinding> Findings);

/// <summary>
/// <c>verify</c>: every file of a batch against the SHA-256 the database recorded, and every
/// recorded signature against the file's bytes and a trusted root, on their own — the check a
/// scheduled job runs before it uploads a batch.
/// </summary>
public static class BatchVerification
{
    public const string ChangedFile = "CHANGED_FILE", MissingFile = "MISSING_FILE", BadSignature = "BAD_SIGNATURE", MissingSignature = "MISSING_SIGNATURE";

    public static async Task<VerifyOutcome> ExecuteAsync(PayBatchDb db, ReleasePolicy policy, BatchName name, string outDir, CancellationToken ct)
    {
        var row = await BatchLookup.FindAsync(db, name, ct).ConfigureAwait(false);
        if (row.State == BatchState.Cancelled) throw new InputException(CoreText.VerifyCancelled, name);
        var release = ReleaseRecord.Load(db, [row])[0];
        var findings = new List<VerifyFinding>();
        var missingRoles = Math.Max(0, policy.RequiredSignatures - release.Signatures.Count);
        if (missingRoles > 0)
            findings.Add(new("", MissingSignature, CoreText.VerifyAwaiting.Format(name, Codes.Of(release.State), missingRoles, policy.RequiredSignatures)));
        using var trust = release.Signatures.Count > 0 ? TrustStore.Load(policy.TrustedRoots) : null;

        var folder = BatchStore.Folder(outDir, name.Quarter, name.Number);
        var files = BatchStore.SignedFiles(db, row);
        foreach (var (file, sha256) in files)
        {
            var path = Path.Combine(folder, file);
            if (!File.Exists(path))
            {
                findings.Add(new(file, MissingFile, CoreText.VerifyFileMissing.Format(path)));
                continue;
            }
            var (fileFindings, length) = await CheckFileAsync(path, file, sha256, release.Signatures, trust, ct).ConfigureAwait(false);
            findings.AddRange(fileFindings);
            LargeReads.LetGoOfFile(length); // the file's bytes are unreachable once its own method has returned
        }
        return new VerifyOutcome(release, files.Count, findings);
    }

    /// <summary>One file against its recorded hash and, when the batch has signatures, its <c>.p7s</c>; the file is read whole, CMS needs it so.</summary>
    private static async Task<(List<VerifyFinding> Findings, long Length)> CheckFileAsync(string path, string file, string sha256,
        IReadOnlyList<BatchSignature> signatures, TrustStore? trust, CancellationToken ct)
    {
        var content = await File.ReadAllBytesAsync(path, ct).ConfigureAwait(false);
        var findings = new List<VerifyFinding>();
        if (Convert.ToHexStringLower(SHA256.HashData(content)) != sha256)
            findings.Add(new(file, ChangedFile, CoreText.VerifyFileChanged.Format(sha256)));
        if (trust is not null) findings.AddRange(CheckSignatures(file, path + CmsSignature.Extension, content, signatures, trust));
        return (findings, content.Length);
    }

    private static IEnumerable<VerifyFinding> CheckSignatures(string file, string p7s, byte[] content, IReadOnlyList<BatchSignature> signatures, TrustStore trust)
    {
        var name = file + CmsSignature.Extension;
        if (!File.Exists(p7s))
        {
            yield return new(name, MissingSignature, CoreText.VerifyFileMissing.Format(p7s));
            yield break;
        }
        IReadOnlyList<(string? Thumbprint, System.Security.Cryptography.Pkcs.SignerInfo Info)> signers = [];
        string? unreadable = null;
        try { signers = CmsSignature.Read(content, File.ReadAllBytes(p7s)); }
        catch (CryptographicException e) { unreadable = e.Message; }
        if (unreadable is not null) yield return new(name, BadSignature, CoreText.VerifyNotCms.Format(unreadable));
        foreach (var s in signatures)
        {
            var found = signers.FirstOrDefault(x => x.Thumbprint == s.Thumbprint).Info;
            if (found is null)
            {
                if (signers.Count > 0) yield return new(name, MissingSignature, CoreText.VerifySignatureAbsent.Format(s.Role, s.Name));
                continue;
            }
            if (Problem(s, found, content, trust) is { } problem) yield return new(name, BadSignature, problem);
        }
    }

    private static string? Problem(BatchSignature s, System.Security.Cryptography.Pkcs.SignerInfo signer, byte[] content, TrustStore trust)
    {
        try { signer.CheckSignature(verifySignatureOnly: true); }
        catch (CryptographicException) { return CoreText.VerifySignatureMismatch.Format(s.Role, s.Name, content.Length); }
        return trust.ChainProblem(signer.Certificate!, s.SignedAtUtc) is { } chain ? CoreText.VerifySignatureUntrusted.Format(s.Role, s.Name, chain) : null;
    }
}

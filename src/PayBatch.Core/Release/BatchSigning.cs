using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using PayBatch.Core.Batches;
using PayBatch.Core.Domain;
using PayBatch.Core.Localization;
using PayBatch.Core.Output;
using PayBatch.Core.Persistence;
using Serilog;

namespace PayBatch.Core.Release;

public sealed record SignOutcome(ReleaseRecord Release, SignerRole Role, SignerIdentity Signer, IReadOnlyList<string> Written);

/// <summary>
/// <c>sign</c>: checks the signer and every file of a prepared batch, writes (or co-signs) a
/// detached CMS signature beside each, and records the signature; the last required one releases
/// the batch. Everything is refused before anything is written, and one locked transaction makes
/// two signers racing for the same role leave one signature.
/// </summary>
public sealed class BatchSigning(PayBatchDb db, ReleasePolicy policy, string? departmentBin, TimeProvider clock, ILogger log)
{
    /// <summary>Checks one file against its recorded hash and signs it (co-signing its <c>.p7s</c>); the file is read whole, CMS needs it so.</summary>
    private static async Task<(string P7s, byte[] Signature, long Length)> SignFileAsync(string path, string file, string sha256, BatchName name,
        IReadOnlySet<string> recorded, X509Certificate2 certificate, TrustStore trust, DateTime now, CancellationToken ct)
    {
        if (!File.Exists(path)) throw new InputException(CoreText.SignFileMissing, path, name.Quarter);
        var content = await File.ReadAllBytesAsync(path, ct).ConfigureAwait(false);
        if (Convert.ToHexStringLower(SHA256.HashData(content)) != sha256)
            throw new InputException(CoreText.SignFileChanged, path, sha256);
        var p7s = path + CmsSignature.Extension;
        var earlier = File.Exists(p7s) ? await File.ReadAllBytesAsync(p7s, ct).ConfigureAwait(false) : null;
        return (p7s, CmsSignature.Sign(file, content, earlier, recorded, certificate, trust.Intermediates, now), content.Length);
    }

    public async Task<SignOutcome> ExecuteAsync(BatchName name, X509Certificate2 certificate, string outDir, CancellationToken ct)
    {
        if (policy.RequiredSignatures == 0)
            throw new InputException(CoreText.SignNoSignaturesRequired);
        var now = clock.GetUtcNow().UtcDateTime;
        using var trust = TrustStore.Load(policy.TrustedRoots);
        var signer = SignerCertificate.Identify(certificate);
        SignerCertificate.Check(certificate, now, trust);
        if (departmentBin is null) throw new InputException(CoreText.SignNoDepartmentBin);
        if (signer.Bin != departmentBin)
            throw signer.Bin is null
                ? new InputException(CoreText.SignNoOrganisation, departmentBin)
                : new InputException(CoreText.SignOtherOrganisation, signer.Bin, departmentBin);
        var roles = policy.Signers.Where(s => s.Iin == signer.Iin).Select(s => s.Role).Distinct().ToList();
        if (roles.Count == 0) throw new InputException(CoreText.SignNotASigner, Iin.Mask(signer.Iin.Value));

        await using var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        await WriteLock.AcquireAsync(db, ct).ConfigureAwait(false);
        var row = await BatchLookup.FindAsync(db, name, ct).ConfigureAwait(false);
        BatchLookup.RequirePrepared(row, name, CoreText.CancelledCannotBeSigned, CoreText.ReleasedCannotBeSigned);
        var existing = PlainReads.Signatures(db, [row.Id]);
        if (existing.FirstOrDefault(s => s.Iin == signer.Iin.Value) is { } own)
            throw new InputException(CoreText.SignAlreadySigned, Iin.Mask(signer.Iin.Value), name, own.Role);
        if (roles.Where(r => existing.All(s => s.Role != r.Code())).Select(r => (SignerRole?)r).FirstOrDefault() is not { } role)
            throw roles.Count == 1
                ? new InputException(CoreText.SignRoleTaken, roles[0].Code(), name)
                : new InputException(CoreText.SignRolesTaken, roles[0].Code(), roles[1].Code(), name);

        var folder = BatchStore.Folder(outDir, name.Quarter, name.Number);
        var recorded = existing.Select(s => s.Thumbprint).ToHashSet(StringComparer.Ordinal);
        var signatures = new List<(string Path, byte[] Content)>();
        foreach (var (file, sha256) in BatchStore.SignedFiles(db, row))
        {
            var (p7s, signature, length) = await SignFileAsync(Path.Combine(folder, file), file, sha256, name, recorded, certificate, trust, now, ct).ConfigureAwait(false);
            signatures.Add((p7s, signature));
            LargeReads.LetGoOfFile(length); // the file's bytes are unreachable once its own method has returned
        }

        var released = existing.Count + 1 >= policy.RequiredSignatures;
        db.BatchSignatures.Add(new BatchSignatureRow
        {
            BatchId = row.Id, Role = role.Code(), Iin = signer.Iin.Value, Name = signer.Name, Thumbprint = signer.Thumbprint,
            SignedAtUtc = now, SignedBy = Environment.UserName,
        });
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        if (released)
            await db.Batches.Where(b => b.Id == row.Id).ExecuteUpdateAsync(s => s
                .SetProperty(b => b.State, BatchState.Released).SetProperty(b => b.ReleasedAtUtc, now), ct).ConfigureAwait(false);
        // The signatures are on disk before the commit: a crash between leaves an unrecorded signer, which the next signing drops.
        foreach (var (path, content) in signatures) AtomicFile.Write(path, content);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        log.Information("Signed batch {Batch} as {Role}: IIN {Iin}, certificate sha256 {Thumbprint}, {Files} file(s){Released}",
            name.ToString(), role.Code(), Iin.Mask(signer.Iin.Value), signer.Thumbprint, signatures.Count, released ? "; batch released" : "");

        if (released)
        {
            row.State = BatchState.Released;
            row.ReleasedAtUtc = now;
        }
        var record = ReleaseRecord.Of(row, PlainReads.Signatures(db, [row.Id]));
        record.Write(folder);
        return new SignOutcome(record, role, signer, signatures.Select(s => s.Path).ToList());
    }
}

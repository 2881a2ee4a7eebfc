using Microsoft.EntityFrameworkCore;
using PayBatch.Core.Domain;
using PayBatch.Core.Eligibility;
using PayBatch.Core.Localization;
using PayBatch.Core.Output;
using PayBatch.Core.Persistence;
using PayBatch.Core.Release;
using Serilog;

namespace PayBatch.Core.Batches;

/// <summary>Stores batches and brings them back, and keeps each batch folder complete on disk.</summary>
public static class BatchStore
{
    public static string Folder(string outDir, Quarter quarter, int number) =>
        Path.Combine(outDir, quarter.ToString(), number.ToString("00", System.Globalization.CultureInfo.InvariantCulture));

    public static async Task<Batch> LoadAsync(PayBatchDb db, BatchRow row, CancellationToken ct)
    {
        var quarter = Quarter.Parse(row.Quarter);
        // Streamed into the batch's payments, each district and BIC once: the stored rows of a million payments are
        // never held beside them (restoring such a batch's files took 1.2 GB; issue 15's "every step under 600 MB").
        var payments = new List<Payment>(row.Count);
        var districts = new Dictionary<string, string>(StringComparer.Ordinal);
        var bics = new Dictionary<string, Bic>(StringComparer.Ordinal);
        await foreach (var p in db.PaymentsOfBatch(row.Id).AsAsyncEnumerable().WithCancellation(ct).ConfigureAwait(false))
        {
            var district = districts.TryGetValue(p.District, out var same) ? same : districts[p.District] = p.District;
            var bic = bics.TryGetValue(p.Bic, out var parsed) ? parsed : bics[p.Bic] = Bic.Parse(p.Bic);
            payments.Add(new Payment(PaymentReference.Parse(p.Reference), p.CaseId, district, Iin.Parse(p.ChildIin), Iin.Parse(p.ApplicantIin),
                p.ApplicantName, Iban.Parse(p.Iban), bic, new Tenge(p.AmountTiyn)));
        }
        return new Batch(quarter, row.Number, row.ValueDate, row.Mrp, row.Coefficient, new Tenge(row.AmountPerChildTiyn),
            BatchTerms.FromJson(row.WrittenWith), payments, Exclusions(db, row));
    }

    private static List<Exclusion> Exclusions(PayBatchDb db, BatchRow row) =>
        PlainReads.ExclusionsOfBatch(db, row.Id)
            .Select(e => new Exclusion(e.CaseId, e.ChildIin, Reasons.Split(e.Reasons))).ToList();

    /// <summary>
    /// The files of a batch folder that are signed and verified, each with the SHA-256 it must have: the
    /// bank files as recorded when written; the manifest and exclusions as the stored batch renders them,
    /// from its recorded files and exclusions (the bank files are not rendered again: they may be 200 MB).
    /// </summary>
    public static IReadOnlyList<(string FileName, string Sha256)> SignedFiles(PayBatchDb db, BatchRow row)
    {
        var exclusions = Exclusions(db, row);
        var bankFiles = row.Files.OrderBy(f => f.Bic, StringComparer.Ordinal).ToList();
        var manifest = BatchDocuments.ManifestJson(
            new ManifestHeader(Quarter.Parse(row.Quarter), row.Number.ToString("00", System.Globalization.CultureInfo.InvariantCulture), row.ValueDate, row.Mrp,
                row.Coefficient, new Tenge(row.AmountPerChildTiyn), row.Count, new Tenge(row.TotalTiyn), exclusions.Count),
            bankFiles.Select(f => new ManifestEntry(f.Bic, f.FileName, f.Format, f.Count, new Tenge(f.TotalTiyn), f.Sha256)));
        static string Sha(byte[] b) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(b));
        return
        [
            .. bankFiles.OrderBy(f => f.FileName, StringComparer.Ordinal).Select(f => (f.FileName, f.Sha256)),
            (BatchDocuments.Manifest, Sha(manifest)),
            (BatchDocuments.ExclusionsFile, Sha(BatchDocuments.ExclusionsCsv(exclusions))),
        ];
    }

    public static async Task<int> NextNumberAsync(PayBatchDb db, Quarter q, CancellationToken ct)
    {
        var qs = q.ToString();
        return 1 + (await db.BatchNumbers(qs).MaxAsync(ct).ConfigureAwait(false) ?? 0);
    }

    /// <summary>
    /// Stores a decided batch and commits the current transaction, then completes its folder and
    /// restores any lost file of the quarter. Each bank file goes to disk under a temporary name as it is
    /// rendered, before the commit (a million payments' files are never all in memory), and is put in place
    /// after it; a failure before the commit removes them and records nothing.
    /// Returns the files of the folder (the bank files without their bytes) and the restored paths.
    /// </summary>
    /// <param name="prepared">The batch awaits signatures; otherwise it is released as it is written.</param>
    public static async Task<(IReadOnlyList<BatchFile> Files, IReadOnlyList<string> Restored)> CreateAsync(PayBatchDb db, Batch batch, BatchKind kind,
        bool prepared, IReadOnlyDictionary<string, long>? replaces, string outDir, DateTime nowUtc, ILogger log, CancellationToken ct)
    {
        var folder = Folder(outDir, batch.Quarter, batch.Number);
        var staged = new List<AtomicFile.Staged>();
        var bankFiles = new List<BatchFile>();
        BatchRow row;
        string? created = null;
        Task? rendering = null;
        using var stopRendering = CancellationTokenSource.CreateLinkedTokenSource(ct);
        try
        {
            created = AtomicFile.CreateDirectory(folder);
            AtomicFile.CleanLeftovers(folder);
            // Rendered from the batch alone on the other core, while this one stores the batch; recorded once both are done.
            rendering = Task.Run(() =>
            {
                foreach (var plan in BatchDocuments.BankFilePlans(batch))
                {
                    stopRendering.Token.ThrowIfCancellationRequested();
                    var file = AtomicFile.Stage(Path.Combine(folder, plan.FileName), plan.Write, plan.Check);
                    staged.Add(file);
                    bankFiles.Add(BatchFile.OnDisk(plan, file.Sha256, file.Length));
                    log.Debug("Rendered {File}: {Bytes} bytes, {Count} payments, sha256 {Sha256}", plan.FileName, file.Length, plan.Count, file.Sha256);
                }
            }, stopRendering.Token);
            row = await InsertAsync(db, batch, kind, prepared, replaces, nowUtc, ct).ConfigureAwait(false);
            await rendering.ConfigureAwait(false);
            db.BatchFiles.AddRange(bankFiles.Select(f => new BatchFileRow
            {
                BatchId = row.Id, Bic = f.Bic!, FileName = f.FileName, Format = f.Format!.Value, Count = f.Count, TotalTiyn = f.Total.Tiyn, Sha256 = f.Sha256,
            }));
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            db.ChangeTracker.Clear();
            await db.Database.CommitTransactionAsync(ct).ConfigureAwait(false);
        }
        catch
        {
            // Nothing is recorded: nothing stays on disk either, not even the folders made for the files (once the
            // rendering has stopped writing them: it stops at its next file).
            if (rendering is not null)
            {
                await stopRendering.CancelAsync().ConfigureAwait(false);
                await Task.WhenAny(rendering).ConfigureAwait(false);
                if (rendering.Exception is { } failed) log.Debug(failed, "The bank files' rendering failed as well");
            }
            foreach (var s in staged) s.Discard();
            AtomicFile.RemoveCreatedDirectories(folder, created);
            throw;
        }
        log.Information("Created {Kind} batch {Quarter}-{Batch} ({State}): {Count} payments, total {Total} KZT, value date {ValueDate}",
            Codes.Of(kind), batch.Quarter.ToString(), batch.NumberText, Codes.Of(row.State), batch.Payments.Count, batch.Total.ToString(), batch.ValueDate);
        try
        {
            foreach (var s in staged) s.Commit();
            var rest = BatchDocuments.ManifestAndExclusions(batch, bankFiles);
            WriteFolder(folder, rest, log); // the manifest last: a folder with a manifest is complete
            ReleaseRecord.Of(row, []).Write(folder);
            return ([.. bankFiles, .. rest], await RestoreMissingAsync(db, batch.Quarter, outDir, log, ct).ConfigureAwait(false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The batch is committed: say so, not "nothing half-done", and how the files come back.
            throw new StatedFailureException(e, CoreText.FilesNotWritten, $"{batch.Quarter}-{batch.NumberText}", folder, e.Message, batch.Quarter.ToString());
        }
    }

    /// <summary>The folder of a cancelled batch: <c>out/2026Q1/02-cancelled</c>.</summary>
    public static string CancelledFolder(string outDir, Quarter quarter, int number) => Folder(outDir, quarter, number) + "-cancelled";

    /// <summary>Renames a cancelled batch's folder to <c>NN-cancelled</c> (if not done yet) and returns the new path.</summary>
    public static string MoveToCancelled(string outDir, Quarter quarter, int number)
    {
        var folder = Folder(outDir, quarter, number);
        var cancelled = CancelledFolder(outDir, quarter, number);
        if (Directory.Exists(folder) && !Directory.Exists(cancelled)) Directory.Move(folder, cancelled);
        AtomicFile.CreateDirectory(cancelled);
        return cancelled;
    }

    /// <summary>Inserts a decided batch, its payments and exclusions in the current transaction (its files are recorded by the caller).</summary>
    private static async Task<BatchRow> InsertAsync(PayBatchDb db, Batch batch, BatchKind kind, bool prepared,
        IReadOnlyDictionary<string, long>? replaces, DateTime nowUtc, CancellationToken ct)
    {
        var row = new BatchRow
        {
            State = prepared ? BatchState.Prepared : BatchState.Released, ReleasedAtUtc = prepared ? null : nowUtc,
            PreparedBy = Environment.UserName, PreparedByDbLogin = await DbLogin.OfAsync(db, ct).ConfigureAwait(false),
            Quarter = batch.Quarter.ToString(), Number = batch.Number, Kind = kind, ValueDate = batch.ValueDate, Mrp = batch.Mrp,
            Coefficient = batch.Coefficient, AmountPerChildTiyn = batch.AmountPerChild.Tiyn, Count = batch.Payments.Count,
            TotalTiyn = batch.Total.Tiyn, Excluded = batch.Exclusions.Count, WrittenWith = batch.Terms.ToJson(), CreatedAtUtc = nowUtc,
        };
        db.Batches.Add(row);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        db.ChangeTracker.Clear();

        // Each payment's row is made on the other core, beside the bank files' rendering (a million payments in CSV files: 2.3 s
        // of the 10.6 s this took alone).
        await RowWriter<PaymentRow>.WriteAsync(db, batch.Payments, p => new PaymentRow
        {
            BatchId = row.Id, Reference = p.Reference.ToString(), Quarter = row.Quarter, Sequence = p.Reference.Sequence, CaseId = p.CaseId,
            District = p.District, ChildIin = p.ChildIin.Value, ApplicantIin = p.ApplicantIin.Value, ApplicantName = p.ApplicantName,
            Iban = p.Iban.Value, Bic = p.Bic.Value, AmountTiyn = p.Amount.Tiyn, Status = PaymentStatus.Issued,
            ReplacesPaymentId = replaces is not null && replaces.TryGetValue(p.Reference.ToString(), out var old) ? old : null,
        }, ct).ConfigureAwait(false);
        await RowWriter<ExclusionRow>.WriteAsync(db, batch.Exclusions, e => new ExclusionRow
        {
            BatchId = row.Id, Quarter = row.Quarter, CaseId = e.CaseId, ChildIin = e.ChildIin, Reasons = Reasons.Join(e.Reasons),
        }, ct).ConfigureAwait(false);
        return row;
    }

    /// <summary>
    /// Writes the files of a batch folder (or only those missing from it); each appears complete or
    /// not at all. Returns the paths written.
    /// </summary>
    public static IReadOnlyList<string> WriteFolder(string folder, IReadOnlyList<BatchFile> files, ILogger? log = null, bool onlyMissing = false)
    {
        AtomicFile.CreateDirectory(folder);
        AtomicFile.CleanLeftovers(folder);
        var written = new List<string>();
        // The manifest goes last: a folder with a manifest is a complete folder.
        foreach (var f in files.OrderBy(f => f.FileName == BatchDocuments.Manifest))
        {
            var path = Path.Combine(folder, f.FileName);
            if (onlyMissing && File.Exists(path)) continue;
            AtomicFile.Write(path, f.Content);
            written.Add(path);
            log?.Debug("Wrote {File}: {Bytes} bytes, {Count} payments, sha256 {Sha256}", f.FileName, f.Length, f.Count, f.Sha256);
        }
        return written;
    }

    /// <summary>
    /// Re-creates any missing file of the quarter's batches, byte-identical to the first writing (a
    /// crash between the commit and the files loses nothing). Returns the paths written.
    /// </summary>
    public static async Task<IReadOnlyList<string>> RestoreMissingAsync(PayBatchDb db, Quarter quarter, string outDir, ILogger log, CancellationToken ct)
    {
        var q = quarter.ToString();
        var rows = await db.BatchesOfQuarter(q).ToListAsync(ct).ConfigureAwait(false);
        var releases = ReleaseRecord.Load(db, rows);
        var written = new List<string>();
        foreach (var (row, release) in rows.Zip(releases))
        {
            if (row.State == BatchState.Cancelled)
            {
                // Void: nothing of it is re-created; only a rename a crash interrupted is finished.
                if (Directory.Exists(Folder(outDir, quarter, row.Number))) release.Write(MoveToCancelled(outDir, quarter, row.Number));
                continue;
            }
            var folder = Folder(outDir, quarter, row.Number);
            if (!File.Exists(Path.Combine(folder, ReleaseRecord.FileName)))
            {
                release.Write(folder);
                written.Add(Path.Combine(folder, ReleaseRecord.FileName));
            }
            var expected = row.Files.Select(f => f.FileName).Append(BatchDocuments.Manifest).Append(BatchDocuments.ExclusionsFile);
            if (Directory.Exists(folder) && expected.All(f => File.Exists(Path.Combine(folder, f)))) continue;
            var batch = await LoadAsync(db, row, ct).ConfigureAwait(false);
            AtomicFile.CreateDirectory(folder);
            AtomicFile.CleanLeftovers(folder);
            // Bank files one at a time, rendered straight to disk as the run writes them; each is put in place only
            // when its bytes hash to what was recorded, so what is restored is what was first written.
            var bankFiles = new List<BatchFile>();
            var restored = new List<string>();
            foreach (var plan in BatchDocuments.BankFilePlans(batch))
            {
                var stored = row.Files.Single(x => x.FileName == plan.FileName);
                var path = Path.Combine(folder, plan.FileName);
                if (File.Exists(path))
                {
                    bankFiles.Add(BatchFile.OnDisk(plan, stored.Sha256, new FileInfo(path).Length));
                    continue;
                }
                var staged = AtomicFile.Stage(path, plan.Write, plan.Check);
                if (staged.Sha256 != stored.Sha256)
                {
                    staged.Discard();
                    throw new InvalidOperationException($"batch {q}-{row.Number:00}: {plan.FileName} would not be re-created identically (sha256 differs); not writing it");
                }
                staged.Commit();
                bankFiles.Add(BatchFile.OnDisk(plan, staged.Sha256, staged.Length));
                restored.Add(path);
            }
            restored.AddRange(WriteFolder(folder, BatchDocuments.ManifestAndExclusions(batch, bankFiles), log, onlyMissing: true));
            written.AddRange(restored);
            foreach (var path in restored)
                log.Warning("Re-created missing file {File} of batch {Quarter}-{Batch}", Path.GetFileName(path), q, row.Number);
        }
        return written;
    }
}

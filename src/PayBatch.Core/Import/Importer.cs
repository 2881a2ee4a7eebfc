using PayBatch.Core.Persistence;
using Serilog;

namespace PayBatch.Core.Import;

public sealed record ImportResult(string File, string Sha256, int Rows, int BankDetailChanges);

/// <summary>
/// Loads the registry and the certificates. A file is applied whole or not at all: rows stream into
/// one transaction through prepared statements; any unreadable row rolls the transaction back and
/// the file's problems are reported together. The file is read on a thread of its own while the rows read before it are stored.
/// </summary>
public sealed class Importer(PayBatchDb db, TimeProvider clock, ILogger log)
{
    public Task<ImportResult> ImportRecipientsAsync(string path, IProgress<ProgressInfo>? progress, CancellationToken ct) =>
        ImportAsync(path, "recipients", RegistryFiles.RecipientColumns, keepBankDetailHistory: true, RegistryFiles.ReadCase, progress, ct);

    public Task<ImportResult> ImportCertificatesAsync(string path, IProgress<ProgressInfo>? progress, CancellationToken ct) =>
        ImportAsync(path, "certificates", RegistryFiles.CertificateColumns, keepBankDetailHistory: false, RegistryFiles.ReadCertificate, progress, ct);

    private async Task<ImportResult> ImportAsync<TRow>(string path, string what, IReadOnlyList<string> required, bool keepBankDetailHistory,
        Func<CsvInput, TRow?> read, IProgress<ProgressInfo>? progress, CancellationToken ct) where TRow : class
    {
        var started = clock.GetTimestamp();
        using var csv = CsvInput.Open(path, required);
        await using var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        // Serialised with runs and reconciles: a run never sees half of the registry from before an import and half from after.
        await WriteLock.AcquireAsync(db, ct).ConfigureAwait(false);
        var changes = 0;
        var rows = 0;
        await using (var sink = await UpsertSink.OpenAsync<TRow>(db, keepBankDetailHistory, clock.GetUtcNow().UtcDateTime, ct).ConfigureAwait(false))
        {
            // The file is read and checked on a thread of its own while this one stores the rows read before it.
            await RowHandover.RunAsync<(object?[] Values, int Percent)>((keep, token) => ReadRows(csv, read, sink, keep, token), async chunk =>
            {
                foreach (var (values, _) in chunk) await sink.AddValuesAsync(values, ct).ConfigureAwait(false);
                if ((rows + chunk.Count) / 10_000 > rows / 10_000) progress?.Report(new(what, rows + chunk.Count, chunk[^1].Percent));
                rows += chunk.Count;
            }, ct).ConfigureAwait(false);
            // The transaction rolls back on dispose: nothing of a file with problems is applied.
            if (csv.Problems.Count > 0) throw new InputFileException(path, csv.Problems);
            changes = await sink.CompleteAsync(ct).ConfigureAwait(false);
        }
        await tx.CommitAsync(ct).ConfigureAwait(false);
        progress?.Report(new(what, rows, 100));
        var sha = csv.Sha256;
        log.Information("Imported {Rows} {What} from {File} ({Sha256}) in {Ms} ms; {Changes} bank detail changes kept",
            rows, what, csv.FileName, sha, (int)clock.GetElapsedTime(started).TotalMilliseconds, changes);
        return new ImportResult(path, sha, rows, changes);
    }

    /// <summary>
    /// Reads every row of the file, recording its problems on <paramref name="csv"/>, and hands over each row as the values
    /// it is stored as, with how much of the file was read by then. Once a row has a problem no more rows are handed over
    /// (the file will not be applied), but reading goes on: every problem of the file is reported at once.
    /// </summary>
    private static void ReadRows<TRow>(CsvInput csv, Func<CsvInput, TRow?> read, UpsertSink<TRow> sink, Action<(object?[], int)> keep,
        CancellationToken ct) where TRow : class
    {
        // Checked here too: after a problem no row is handed over, and a cancel must not wait for the end of the file.
        while (!ct.IsCancellationRequested && !csv.Full && csv.Read())
        {
            var row = read(csv);
            if (row is null || csv.Problems.Count > 0) continue;
            keep((sink.Values(row), csv.Percent));
        }
    }
}

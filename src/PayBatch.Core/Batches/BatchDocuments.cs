using System.IO.Pipelines;
using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using System.Text.Json;
using PayBatch.Core.Domain;
using PayBatch.Core.Eligibility;
using PayBatch.Core.Formats;
using PayBatch.Core.Output;

namespace PayBatch.Core.Batches;

/// <summary>
/// Renders every file of a batch folder from the batch alone: one bank file per BIC, manifest.json
/// and exclusions.csv. Pure: the same batch always gives the same bytes, which is how a lost file
/// is re-created byte-identical.
/// </summary>
/// <summary>What the manifest says of its batch.</summary>
public sealed record ManifestHeader(Quarter Quarter, string NumberText, DateOnly ValueDate, int Mrp, decimal Coefficient, Tenge AmountPerChild,
    int Count, Tenge Total, int Excluded);

/// <summary>What the manifest says of one bank file.</summary>
public sealed record ManifestEntry(string Bic, string FileName, BankFileFormat? Format, int Count, Tenge Total, string Sha256);

/// <summary>
/// A bank file of a batch before it is rendered: what the manifest says of it, how to write it, and how to check it
/// once written (read from its start; throws when the file must not leave the program), if its format has a check.
/// </summary>
public sealed record BankFilePlan(string FileName, string Bic, BankFileFormat Format, int Count, Tenge Total, Action<Stream> Write, Action<Stream>? Check);

public static class BatchDocuments
{
    public const string Manifest = "manifest.json";
    public const string ExclusionsFile = "exclusions.csv";

    /// <summary>The bank files, one per BIC in ordinal order.</summary>
    public static IReadOnlyList<BatchFile> BankFiles(Batch batch) => BankFilesOneByOne(batch).ToList();

    /// <summary>
    /// What a dry run reports of the bank files: each hashed and counted as it is rendered, never held whole (a bank's
    /// pain.001 of a million payments is about a gigabyte), and checked as it is made when its format has a check.
    /// </summary>
    public static IReadOnlyList<BatchFile> BankFilesMeasured(Batch batch) => BankFilePlans(batch).Select(Measure).ToList();

    private static IEnumerable<BatchFile> BankFilesOneByOne(Batch batch) =>
        BankFilePlans(batch).Select(p =>
        {
            using var ms = new MemoryStream();
            p.Write(ms);
            ms.Position = 0;
            p.Check?.Invoke(ms);
            return new BatchFile(p.FileName, ms.ToArray(), p.Bic, p.Format, p.Count, p.Total);
        });

    internal static BatchFile Measure(BankFilePlan plan)
    {
        using var sha = SHA256.Create();
        var counted = new CountingSink();
        // A hash algorithm passes the bytes through unchanged: the sink counts them.
        using (var hashing = new CryptoStream(counted, sha, CryptoStreamMode.Write, leaveOpen: true))
        {
            if (plan.Check is null) plan.Write(hashing);
            else WriteChecked(plan, hashing);
        }
        return BatchFile.OnDisk(plan, Convert.ToHexStringLower(sha.Hash!), counted.Written);
    }

    /// <summary>
    /// Writes the file into <paramref name="output"/> and, through a pipe, into its check on another thread, so the check
    /// reads it as it is made. Throws the check's refusal, or the writer's own failure (which the pipe passes to the check).
    /// </summary>
    private static void WriteChecked(BankFilePlan plan, Stream output)
    {
        // Both ends block on their own thread: the pipe wakes each inline, needing no thread of the pool to do it.
        var pipe = new Pipe(new PipeOptions(readerScheduler: PipeScheduler.Inline, writerScheduler: PipeScheduler.Inline, useSynchronizationContext: false));
        var checking = Task.Factory.StartNew(() =>
        {
            using var read = pipe.Reader.AsStream(); // disposed, it tells the writer no more is read: a check that stops early never blocks it
            plan.Check!(read);
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        Exception? failed = null;
        try
        {
            using var toCheck = pipe.Writer.AsStream(leaveOpen: true);
            plan.Write(new TeeStream(output, toCheck));
        }
        catch (Exception e)
        {
            failed = e;
        }
        pipe.Writer.Complete(failed);
        checking.GetAwaiter().GetResult();
        if (failed is not null) ExceptionDispatchInfo.Throw(failed);
    }

    /// <summary>Counts the bytes written to it and keeps none.</summary>
    private sealed class CountingSink : WriteOnlyStream
    {
        public long Written { get; private set; }

        public override void Write(ReadOnlySpan<byte> buffer) => Written += buffer.Length;
    }

    /// <summary>Writes what it is given to two streams, in order.</summary>
    private sealed class TeeStream(Stream first, Stream second) : WriteOnlyStream
    {
        public override void Write(ReadOnlySpan<byte> buffer)
        {
            first.Write(buffer);
            second.Write(buffer);
        }

        public override void Flush()
        {
            first.Flush();
            second.Flush();
        }
    }

    /// <summary>
    /// The bank files, one per BIC in ordinal order, each still to be rendered into a stream (<see cref="BankFilePlan.Write"/>):
    /// the run writes them straight to disk, so a bank file of a million payments is never held whole.
    /// </summary>
    public static IEnumerable<BankFilePlan> BankFilePlans(Batch batch) =>
        batch.Payments
            .GroupBy(p => p.Bic.Value, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var payments = g.OrderBy(p => p.Reference.Sequence).ToList();
                var terms = batch.Terms.Banks[g.Key];
                Action<Stream> write = terms.Format switch
                {
                    BankFileFormat.Csv => s => CsvBankFile.Write(batch, payments, terms, s),
                    BankFileFormat.Pain001 => s => Pain001File.Write(batch, g.Key, payments, s),
                    BankFileFormat.Mt102 => s => Mt102File.Write(batch, g.Key, payments, terms, s),
                    _ => throw new InvalidDataException($"unknown format {terms.Format}"),
                };
                Action<Stream>? check = terms.Format == BankFileFormat.Pain001 ? s => Pain001File.Check(g.Key, s) : null;
                return new BankFilePlan(g.Key + terms.Format.Extension(), g.Key, terms.Format, payments.Count, payments.Sum(p => p.Amount), write, check);
            });

    /// <summary>All files of the batch folder: bank files, the manifest and the exclusions.</summary>
    public static IReadOnlyList<BatchFile> All(Batch batch)
    {
        var bankFiles = BankFiles(batch);
        return [.. bankFiles, .. ManifestAndExclusions(batch, bankFiles)];
    }

    /// <summary>The files of the folder besides the bank files: they need only the bank files' counts, totals and hashes.</summary>
    public static IReadOnlyList<BatchFile> ManifestAndExclusions(Batch batch, IReadOnlyList<BatchFile> bankFiles) =>
        [new BatchFile(Manifest, ManifestJson(batch, bankFiles)), new BatchFile(ExclusionsFile, ExclusionsCsv(batch.Exclusions))];

    public static byte[] ManifestJson(Batch batch, IReadOnlyList<BatchFile> bankFiles) =>
        ManifestJson(new ManifestHeader(batch.Quarter, batch.NumberText, batch.ValueDate, batch.Mrp, batch.Coefficient, batch.AmountPerChild,
                batch.Payments.Count, batch.Total, batch.Exclusions.Count),
            bankFiles.Select(f => new ManifestEntry(f.Bic!, f.FileName, f.Format, f.Count, f.Total, f.Sha256)));

    /// <summary>The manifest from what it names: the stored batch and its recorded bank files render it without the files themselves.</summary>
    public static byte[] ManifestJson(ManifestHeader batch, IEnumerable<ManifestEntry> bankFiles)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            w.WriteStartObject();
            w.WriteString("quarter", batch.Quarter.ToString());
            w.WriteString("batch", batch.NumberText);
            w.WriteString("valueDate", batch.ValueDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            w.WriteNumber("mrp", batch.Mrp);
            // Written without trailing zeros, whatever scale the database gave it back with (numeric(9,4) → 6.5000).
            w.WriteNumber("coefficient", decimal.Parse(batch.Coefficient.ToString("0.############", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture));
            w.WriteString("amountPerChild", batch.AmountPerChild.ToString());
            w.WriteString("currency", "KZT");
            w.WriteNumber("count", batch.Count);
            w.WriteString("total", batch.Total.ToString());
            w.WriteNumber("excluded", batch.Excluded);
            w.WriteStartArray("files");
            foreach (var f in bankFiles)
            {
                w.WriteStartObject();
                w.WriteString("bic", f.Bic);
                w.WriteString("file", f.FileName);
                w.WriteString("format", f.Format?.Name());
                w.WriteNumber("count", f.Count);
                w.WriteString("total", f.Total.ToString());
                w.WriteString("sha256", f.Sha256);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        ms.WriteByte((byte)'\n');
        return ms.ToArray();
    }

    public static byte[] ExclusionsCsv(IEnumerable<Exclusion> exclusions)
    {
        var csv = new CsvText().Row("case_id", "child_iin", "reasons");
        foreach (var e in exclusions.OrderBy(e => e.CaseId, StringComparer.Ordinal))
            csv.Row(e.CaseId, e.ChildIin, Reasons.Join(e.Reasons));
        return csv.ToUtf8();
    }
}

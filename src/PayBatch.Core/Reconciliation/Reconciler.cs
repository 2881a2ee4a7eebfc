using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PayBatch.Core.Domain;
using PayBatch.Core.Output;
using PayBatch.Core.Persistence;
using Serilog;

namespace PayBatch.Core.Reconciliation;

/// <summary>A finding of a reconcile run: a line that needs a person, or an overdue payment (no file, no line).</summary>
public sealed record Finding(string File, int? Line, string Reference, string Code, string Detail);

public sealed record ReconcileOutcome(
    IReadOnlyList<ConfirmationFile> Files, int Applied, int Same, IReadOnlyList<Finding> Findings,
    IReadOnlyList<string> Written, IReadOnlyDictionary<string, int> SlaCounts);

/// <summary>
/// Applies bank confirmations in the order given, lines in file order, under the write lock: what
/// is recorded is never overwritten by a contradicting line, and re-reading a file changes nothing.
/// Every applied line is kept with its file and hash. Then writes reconciliation.csv and
/// findings.csv for each quarter concerned.
/// </summary>
public sealed class Reconciler(PayBatchDb db, ReferenceData data, TimeProvider clock, ILogger log)
{
    public async Task<ReconcileOutcome> ExecuteAsync(IReadOnlyList<string> paths, DateOnly asOf, string outDir, IProgress<ProgressInfo>? progress, CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        var files = paths.Select(ConfirmationReader.Read).ToList(); // every file readable, or nothing is applied
        foreach (var f in files) log.Debug("Read {File}: {Kind}, {Lines} confirmation(s), sha256 {Sha256}", Path.GetFileName(f.Path), f.Kind, f.Lines.Count, f.Sha256);
        var quarters = files.SelectMany(f => f.Lines)
            .Select(l => PaymentReference.TryParse(l.Reference, out var r) ? r.Quarter.ToString() : null)
            .OfType<string>().Distinct().ToList();

        await using var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        await WriteLock.AcquireAsync(db, ct).ConfigureAwait(false);
        var states = await LoadStatesAsync(quarters, ct).ConfigureAwait(false);
        var byReference = states.ToDictionary(s => s.Reference, StringComparer.Ordinal);
        var changed = new HashSet<string>(StringComparer.Ordinal); // references whose status this run sets
        var seen = (await db.SeenConfirmationLines(files.Select(f => f.Sha256).ToList()).ToListAsync(ct).ConfigureAwait(false)).ToHashSet();
        var findings = new List<Finding>();
        var kept = new List<(ConfirmationFile File, Confirmation Line, MatchResult Result, long? PaymentId)>();
        int applied = 0, same = 0, n = 0;
        var total = files.Sum(f => f.Lines.Count);
        foreach (var file in files)
        {
            foreach (var line in file.Lines)
            {
                byReference.TryGetValue(line.Reference, out var state);
                var result = Matching.Decide(state, line, data.Calendar);
                if (result.Updated is { } updated)
                {
                    changed.Add(updated.Reference);
                    byReference[updated.Reference] = updated;
                    applied++;
                }
                if (result.Outcome == MatchResult.Same) same++;
                if (result.Finding is not null) findings.Add(new Finding(Path.GetFileName(file.Path), line.Line, line.Reference, result.Finding, result.Detail));
                if (result.Outcome != MatchResult.Same && seen.Add((file.Sha256, line.Line))) kept.Add((file, line, result, state?.Id));
                if (++n % 10_000 == 0) progress?.Report(new("confirmations", n, (int)(n * 100L / total)));
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await ApplyAsync(changed.Select(r => byReference[r]).ToList(), ct).ConfigureAwait(false);
        await using (var insert = await BulkWriter.OpenAsync(db, "confirmations", ConfirmationColumns, ct).ConfigureAwait(false))
        {
            foreach (var (file, line, result, paymentId) in kept)
                await insert.AddAsync([Path.GetFileName(file.Path), file.Sha256, line.Line, line.Reference, paymentId,
                    line.Status == ConfirmationStatus.Credited ? "credited" : "rejected", line.CreditedOn, line.Amount?.Tiyn, line.Iban,
                    line.Reason, result.Finding ?? result.Outcome, now], ct).ConfigureAwait(false);
            await insert.CompleteAsync(ct).ConfigureAwait(false);
        }
        var reported = quarters.Where(q => byReference.Values.Any(s => s.Quarter == q)).Order(StringComparer.Ordinal).ToList();
        await KeepFindingsAsync(reported, findings, now, ct).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        progress?.Report(new("confirmations", n, 100));
        log.Information("Reconciled {Files} file(s) in {Ms} ms: {Applied} applied, {Same} already recorded, {Findings} finding(s)",
            files.Count, (int)clock.GetElapsedTime(started).TotalMilliseconds, applied, same, findings.Count);

        var written = new List<string>();
        var sla = new Dictionary<string, int>(StringComparer.Ordinal);
        var overdue = new List<Finding>();
        foreach (var q in reported)
        {
            var payments = byReference.Values.Where(s => s.Quarter == q).OrderBy(s => s.Reference, StringComparer.Ordinal)
                .Select(p => (Payment: p, Sla: Matching.Sla(p, asOf, data.Calendar))).ToList();
            foreach (var g in payments.Where(p => p.Sla.Sla.Length > 0).GroupBy(p => p.Sla.Sla)) sla[g.Key] = sla.GetValueOrDefault(g.Key) + g.Count();
            var quarterOverdue = payments.Where(p => p.Sla.Sla == "overdue")
                .Select(p => new Finding("", null, p.Payment.Reference, "OVERDUE", $"still issued after the deadline {Date(p.Sla.Deadline)}")).ToList();
            overdue.AddRange(quarterOverdue);
            var csv = ReconciliationCsv(payments);
            var folder = Path.Combine(outDir, q);
            AtomicFile.Write(Path.Combine(folder, "reconciliation.csv"), csv);
            var quarterFindings = FindingsOf(q, findings).Concat(quarterOverdue);
            AtomicFile.Write(Path.Combine(folder, "findings.csv"), FindingsCsv(quarterFindings));
            written.Add(Path.Combine(folder, "reconciliation.csv"));
            written.Add(Path.Combine(folder, "findings.csv"));
        }
        return new ReconcileOutcome(files, applied, same, [.. findings, .. overdue], written, sla);
    }

    /// <summary>A quarter's findings: those of its payments, and those of lines whose reference names no quarter.</summary>
    private static IEnumerable<Finding> FindingsOf(string quarter, IEnumerable<Finding> findings) =>
        findings.Where(f => !PaymentReference.TryParse(f.Reference, out var r) || r.Quarter.ToString() == quarter);

    /// <summary>Replaces each reported quarter's kept findings with this run's, so <c>status</c> knows what the last reconcile found.</summary>
    private async Task KeepFindingsAsync(IReadOnlyList<string> quarters, IReadOnlyList<Finding> findings, DateTime now, CancellationToken ct)
    {
        foreach (var q in quarters)
        {
            await db.ReconcileFindings.Where(f => f.Quarter == q).ExecuteDeleteAsync(ct).ConfigureAwait(false);
            db.ReconcileFindings.AddRange(FindingsOf(q, findings).Select(f => new ReconcileFindingRow
            {
                Quarter = q, File = f.File, Line = f.Line, Reference = f.Reference, Code = f.Code, Detail = f.Detail, ReconciledAtUtc = now,
            }));
        }
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// Writes the applied statuses, only over payments still issued: if another process got there
    /// first the counts differ and nothing of this run is kept.
    /// </summary>
    private async Task ApplyAsync(IReadOnlyList<PaymentState> applied, CancellationToken ct)
    {
        var changed = 0;
        if (db.Provider == DbProvider.Postgres)
        {
            await db.Database.ExecuteSqlRawAsync("CREATE TEMP TABLE applied_states (id bigint, status text, credited_on date, reason text) ON COMMIT DROP", ct).ConfigureAwait(false);
            await using (var staged = await BulkWriter.OpenAsync(db, "applied_states",
                             [new("id", ColumnType.Long), new("status", ColumnType.Text), new("credited_on", ColumnType.Date), new("reason", ColumnType.Text)], ct).ConfigureAwait(false))
            {
                foreach (var s in applied) await staged.AddAsync([s.Id, s.Status, s.CreditedOn, s.Reason], ct).ConfigureAwait(false);
                await staged.CompleteAsync(ct).ConfigureAwait(false);
            }
            changed = await db.Database.ExecuteSqlRawAsync(
                "UPDATE payments p SET status = a.status, credited_on = a.credited_on, status_reason = a.reason " +
                "FROM applied_states a WHERE p.id = a.id AND p.status = 'issued'", ct).ConfigureAwait(false);
        }
        else
        {
            using var update = new PreparedCommand(db, UpdateSql, "status", "credited_on", "reason", "id");
            foreach (var s in applied)
                changed += await update.Set("status", s.Status).Set("credited_on", s.CreditedOn).Set("reason", s.Reason).Set("id", s.Id).ExecuteAsync(ct).ConfigureAwait(false);
        }
        if (changed != applied.Count) throw new InvalidOperationException("payments changed under this reconcile; nothing was applied, run it again");
    }

    internal const string UpdateSql =
        "UPDATE payments SET status = @status, credited_on = @credited_on, status_reason = @reason WHERE id = @id AND status = 'issued'";

    private static readonly Column[] ConfirmationColumns =
    [
        new("file", ColumnType.Text), new("file_sha256", ColumnType.Text), new("line", ColumnType.Int), new("reference", ColumnType.Text),
        new("payment_id", ColumnType.Long), new("status", ColumnType.Text), new("credited_on", ColumnType.Date),
        new("amount_tiyn", ColumnType.Long), new("iban", ColumnType.Text), new("reason", ColumnType.Text), new("outcome", ColumnType.Text),
        new("read_at_utc", ColumnType.TimestampUtc),
    ];

    private async Task<List<PaymentState>> LoadStatesAsync(IReadOnlyList<string> quarters, CancellationToken ct) =>
        (await db.PaymentViews(quarters).ToListAsync(ct).ConfigureAwait(false)).Select(PaymentState.Of).ToList();

    public static readonly string[] ReconciliationColumns =
        ["reference", "case_id", "child_iin", "bic", "iban", "amount", "value_date", "status", "credited_on", "banking_days", "deadline", "sla", "reason"];

    private static byte[] ReconciliationCsv(IEnumerable<(PaymentState Payment, (string Sla, int? BankingDays, DateOnly Deadline) Sla)> payments)
    {
        var csv = new CsvText().Row(ReconciliationColumns);
        foreach (var (p, (sla, days, deadline)) in payments)
            csv.Row(p.Reference, p.CaseId, p.ChildIin, p.Bic, p.Iban, p.Amount.ToString(), Date(p.ValueDate), p.Status, Date(p.CreditedOn),
                days?.ToString(CultureInfo.InvariantCulture), Date(deadline), sla, p.Reason);
        return csv.ToUtf8();
    }

    private static byte[] FindingsCsv(IEnumerable<Finding> findings)
    {
        var csv = new CsvText().Row("file", "line", "reference", "finding", "detail");
        foreach (var f in findings) csv.Row(f.File, f.Line?.ToString(CultureInfo.InvariantCulture), f.Reference, f.Code, f.Detail);
        return csv.ToUtf8();
    }

    private static string Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}

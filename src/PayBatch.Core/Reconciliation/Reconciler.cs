using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PayBatch.Core.Domain;
using PayBatch.Core.Import;
using PayBatch.Core.Output;
using PayBatch.Core.Persistence;
using Serilog;
using PayBatch.Core.Localization;

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
public sealed class Reconciler(PayBatchDb db, ReferenceData data, TimeProvider clock, ILogger log, string? departmentIban = null)
{
    public async Task<ReconcileOutcome> ExecuteAsync(IReadOnlyList<string> paths, DateOnly asOf, string outDir, IProgress<ProgressInfo>? progress, CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        var files = paths.Select(ConfirmationReader.Read).ToList(); // every file readable, or nothing is applied
        foreach (var f in files) log.Debug("Read {File}: {Kind}, {Lines} confirmation(s), sha256 {Sha256}", Path.GetFileName(f.Path), f.Kind, f.Lines.Count, f.Sha256);
        RefuseUnusableStatements(files);
        var debits = files.SelectMany(f => StatementMatching.Debits(Path.GetFileName(f.Path), f.AllStatements)).ToList();
        var statements = files.SelectMany(f => f.AllStatements.Select(s => (File: f, Statement: s))).ToList();

        await using var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        await WriteLock.AcquireAsync(db, ct).ConfigureAwait(false);
        var quarters = files.SelectMany(f => f.Lines).Select(l => l.Reference).Concat(debits.Select(d => d.Batch))
            .Select(QuarterOf).OfType<string>().ToHashSet(StringComparer.Ordinal);
        if (statements.Count > 0)
        {
            // A statement concerns the quarters it covers and those of the batches valued within it (NOT_DEBITED).
            var (from, to) = (statements.Min(s => s.Statement.OpeningDate), statements.Max(s => s.Statement.ClosingDate));
            for (var d = new DateOnly(from.Year, ((from.Month - 1) / 3 * 3) + 1, 1); d <= to; d = d.AddMonths(3)) quarters.Add(new Quarter(d.Year, (d.Month + 2) / 3).ToString());
            quarters.UnionWith(await db.QuartersValuedBetween(from, to).ToListAsync(ct).ConfigureAwait(false));
        }
        var quarterList = quarters.Order(StringComparer.Ordinal).ToList();
        var byReference = LoadStates(quarterList);
        var was = new Dictionary<string, PaymentStatus>(StringComparer.Ordinal); // references whose status this run sets, with the status read
        var seen = (await db.SeenConfirmationLines(files.Select(f => f.Sha256).ToList()).ToListAsync(ct).ConfigureAwait(false)).ToHashSet();
        var entryKeys = files.SelectMany(f => f.Lines).Select(l => l.Entry?.Identity).OfType<string>().Concat(debits.Select(d => d.Identity)).ToList();
        var storedEntries = (await db.StoredEntryKeys(entryKeys).ToListAsync(ct).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
        var findings = new List<Finding>();
        var kept = new List<(ConfirmationFile File, Confirmation Line, string Outcome, long? PaymentId)>(); // the outcome, not the match: a million updated states are not kept twice
        var entries = new List<StatementEntryRow>();
        var now = clock.GetUtcNow().UtcDateTime;
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
                    was.TryAdd(line.Reference, byReference[line.Reference].Status);
                    byReference[line.Reference] = updated;
                    applied++;
                }
                if (result.Outcome == MatchResult.Same) same++;
                if (result.Finding is not null) findings.Add(new Finding(Path.GetFileName(file.Path), line.Line, line.Reference, result.Finding, result.Detail));
                if (result.Outcome != MatchResult.Same && seen.Add((file.Sha256, line.Line))) kept.Add((file, line, result.Finding ?? result.Outcome, state?.Id));
                if (line.Entry is { } e && storedEntries.Add(e.Identity))
                    entries.Add(EntryRow(file, line.Line, e.Location, e.Identity, "return", line.Reference, null, state?.Id, line.Amount ?? state?.Amount ?? Tenge.Zero,
                        e.BookedOn, line.Reason, result.Finding ?? result.Outcome, now));
                if (++n % 10_000 == 0) progress?.Report(new("confirmations", n, (int)(n * 100L / total)));
            }
        }
        LargeReads.LetGo();

        var batches = await db.BatchesOfQuarters(quarterList).ToListAsync(ct).ConfigureAwait(false);
        var batchByKey = batches.ToDictionary(b => $"{b.Quarter}-{b.Number:00}", StringComparer.Ordinal);
        foreach (var d in debits)
        {
            if (!batchByKey.TryGetValue(d.Batch, out var batch))
                findings.Add(new Finding(d.File, d.Line, d.Batch, "UNKNOWN_DEBIT", $"a debit of {d.Amount} names {d.Batch}, which is no batch"));
            if (storedEntries.Add(d.Identity))
                entries.Add(EntryRow(files.First(f => Path.GetFileName(f.Path) == d.File), d.Line, d.Location, d.Identity, "debit", d.Batch, batch?.Id, null, d.Amount,
                    d.BookedOn, null, batch is null ? "UNKNOWN_DEBIT" : "debited", now));
        }
        var statementsRead = statements.Count > 0 || await db.Statements.AnyAsync(ct).ConfigureAwait(false);
        findings.AddRange(await BatchFindingsAsync(batches, entries, debits, asOf, statementsRead, ct).ConfigureAwait(false));

        await ApplyAsync(was.Select(w => (byReference[w.Key], w.Value)).ToList(), ct).ConfigureAwait(false);
        await RowWriter<ConfirmationRow>.WriteAsync(db, kept.Select(k => new ConfirmationRow
        {
            File = Path.GetFileName(k.File.Path), FileSha256 = k.File.Sha256, Line = k.Line.Line, Reference = k.Line.Reference, PaymentId = k.PaymentId,
            Status = k.Line.Status.Code(), CreditedOn = k.Line.CreditedOn, AmountTiyn = k.Line.Amount?.Tiyn, Iban = k.Line.Iban, Reason = k.Line.Reason,
            Outcome = k.Outcome, ReadAtUtc = now,
        }), ct).ConfigureAwait(false);
        await StoreStatementsAsync(statements, entries, now, ct).ConfigureAwait(false);
        var reported = quarterList.Where(q => byReference.Keys.Any(r => r.StartsWith(q, StringComparison.Ordinal))).ToList();
        await KeepFindingsAsync(reported, findings, now, ct).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        progress?.Report(new("confirmations", n, 100));
        log.Information("Reconciled {Files} file(s) in {Ms} ms: {Applied} applied, {Same} already recorded, {Debits} batch debit(s), {Findings} finding(s)",
            files.Count, (int)clock.GetElapsedTime(started).TotalMilliseconds, applied, same, debits.Count, findings.Count);

        var written = new List<string>();
        var sla = new Dictionary<string, int>(StringComparer.Ordinal);
        var overdue = new List<Finding>();
        foreach (var q in reported)
        {
            var payments = byReference.Where(s => s.Key.StartsWith(q, StringComparison.Ordinal)).OrderBy(s => s.Key, StringComparer.Ordinal)
                .Select(s => (Payment: s.Value, Sla: Sla.Of(s.Value, asOf, data.Calendar))).ToList();
            foreach (var g in payments.Where(p => p.Sla.Status is not null).GroupBy(p => p.Sla.Status!.Value.Code())) sla[g.Key] = sla.GetValueOrDefault(g.Key) + g.Count();
            var quarterOverdue = payments.Where(p => p.Sla.Status == SlaStatus.Overdue)
                .Select(p => new Finding("", null, p.Payment.Reference.ToString(), "OVERDUE", $"still issued after the deadline {Date(p.Sla.Deadline)}")).ToList();
            overdue.AddRange(quarterOverdue);
            var folder = Path.Combine(outDir, q);
            AtomicFile.Write(Path.Combine(folder, "reconciliation.csv"), stream => WriteReconciliationCsv(payments, stream));
            var quarterFindings = FindingsOf(q, findings).Concat(quarterOverdue);
            AtomicFile.Write(Path.Combine(folder, "findings.csv"), FindingsCsv(quarterFindings));
            written.Add(Path.Combine(folder, "reconciliation.csv"));
            written.Add(Path.Combine(folder, "findings.csv"));
        }
        return new ReconcileOutcome(files, applied, same, [.. findings, .. overdue], written, sla);
    }

    /// <summary>A quarter's findings: those of its payments, and those of lines whose reference names no quarter.</summary>
    private static IEnumerable<Finding> FindingsOf(string quarter, IEnumerable<Finding> findings) =>
        findings.Where(f => QuarterOf(f.Reference) is not { } fq || fq == quarter);

    /// <summary>
    /// Replaces each reported quarter's kept findings with this run's, so <c>status</c> knows what the last
    /// reconcile found: through the bulk path, as a million unknown references may be a million findings.
    /// </summary>
    private async Task KeepFindingsAsync(IReadOnlyList<string> quarters, IReadOnlyList<Finding> findings, DateTime now, CancellationToken ct)
    {
        foreach (var q in quarters)
            await db.ReconcileFindings.Where(f => f.Quarter == q).ExecuteDeleteAsync(ct).ConfigureAwait(false);
        await RowWriter<ReconcileFindingRow>.WriteAsync(db, quarters.SelectMany(q => FindingsOf(q, findings).Select(f => new ReconcileFindingRow
        {
            Quarter = q, File = f.File, Line = f.Line, Reference = f.Reference, Code = f.Code, Detail = f.Detail, ReconciledAtUtc = now,
        })), ct).ConfigureAwait(false);
    }

    /// <summary>The quarter a payment or batch reference names (<c>2026Q1-01…</c>), or null.</summary>
    private static string? QuarterOf(string reference) =>
        reference.Length >= 6 && Quarter.TryParse(reference[..6], out var q) ? q.ToString() : null;

    /// <summary>A statement is refused whole, before anything is applied, when it is not the department's KZT account or does not add up.</summary>
    private void RefuseUnusableStatements(IEnumerable<ConfirmationFile> files)
    {
        foreach (var f in files.Where(f => f.AllStatements.Count > 0))
        {
            if (!Iban.TryParse(departmentIban, out var account))
                throw new InputException(CoreText.StatementNeedsIban, Path.GetFileName(f.Path));
            var problems = StatementMatching.Problems(f.AllStatements, account.Value);
            if (problems.Count > 0) throw new InputFileException(f.Path, problems);
        }
    }

    /// <summary>
    /// DEBIT_MISMATCH for a batch whose debits read so far are not its control sum; NOT_DEBITED for a
    /// batch past its deadline without any debit, once a statement of the account has been read.
    /// </summary>
    private async Task<List<Finding>> BatchFindingsAsync(IReadOnlyList<BatchRow> batches, IReadOnlyList<StatementEntryRow> entries,
        IReadOnlyList<BatchDebit> debits, DateOnly asOf, bool statementsRead, CancellationToken ct)
    {
        var ids = batches.Select(b => b.Id).ToList();
        var stored = (await db.DebitSums(ids).ToListAsync(ct).ConfigureAwait(false)).ToDictionary(x => x.Item1, x => (Sum: x.Item2, Count: x.Item3));
        var findings = new List<Finding>();
        foreach (var b in batches)
        {
            var key = $"{b.Quarter}-{b.Number:00}";
            var fresh = entries.Where(e => e.Kind == "debit" && e.BatchId == b.Id).ToList();
            var (sum, count) = stored.GetValueOrDefault(b.Id);
            sum += fresh.Sum(e => e.AmountTiyn);
            count += fresh.Count;
            var last = debits.LastOrDefault(d => d.Batch == key);
            if (count > 0 && sum != b.TotalTiyn)
                findings.Add(new Finding(last?.File ?? "", last?.Line, key, "DEBIT_MISMATCH", $"debited {new Tenge(sum)} so far, control sum {new Tenge(b.TotalTiyn)}"));
            var deadline = data.Calendar.AddBankingDays(b.ValueDate, Sla.DeadlineBankingDays);
            if (count == 0 && statementsRead && asOf > deadline)
                findings.Add(new Finding("", null, key, "NOT_DEBITED", $"no debit of {new Tenge(b.TotalTiyn)} on the account after the deadline {Date(deadline)}"));
        }
        return findings;
    }

    private static StatementEntryRow EntryRow(ConfirmationFile file, int line, string location, string key, string kind, string reference, long? batchId,
        long? paymentId, Tenge amount, DateOnly? bookedOn, string? reason, string outcome, DateTime now) => new()
    {
        EntryKey = key, File = Path.GetFileName(file.Path), FileSha256 = file.Sha256, Line = line, Location = location, Kind = kind, Reference = reference,
        BatchId = batchId, PaymentId = paymentId, AmountTiyn = amount.Tiyn, BookedOn = bookedOn, Reason = reason, Outcome = outcome, ReadAtUtc = now,
    };

    /// <summary>Keeps each statement read (once per file and place) and each new entry that concerns PayBatch.</summary>
    private async Task StoreStatementsAsync(IReadOnlyList<(ConfirmationFile File, Statement Statement)> statements, IReadOnlyList<StatementEntryRow> entries,
        DateTime now, CancellationToken ct)
    {
        var seen = (await db.SeenStatements(statements.Select(s => s.File.Sha256).Distinct().ToList()).ToListAsync(ct).ConfigureAwait(false)).ToHashSet();
        await RowWriter<StatementRow>.WriteAsync(db, statements.Where(s => seen.Add((s.File.Sha256, s.Statement.Line))).Select(x => new StatementRow
        {
            File = Path.GetFileName(x.File.Path), FileSha256 = x.File.Sha256, Line = x.Statement.Line, StatementId = x.Statement.Id,
            OpeningDate = x.Statement.OpeningDate, ClosingDate = x.Statement.ClosingDate, OpeningTiyn = x.Statement.Opening.Tiyn,
            ClosingTiyn = x.Statement.Closing.Tiyn, ReadAtUtc = now,
        }), ct).ConfigureAwait(false);
        await RowWriter<StatementEntryRow>.WriteAsync(db, entries, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes the applied statuses, only over payments still in the status this run read: if another
    /// process got there first the counts differ and nothing of this run is kept.
    /// </summary>
    private async Task ApplyAsync(IReadOnlyList<(PaymentState State, PaymentStatus Was)> applied, CancellationToken ct)
    {
        var changed = 0;
        if (db.Provider == DbProvider.Postgres)
        {
            await db.Database.ExecuteSqlRawAsync("CREATE TEMP TABLE applied_states (id bigint, status text, credited_on date, reason text, was text) ON COMMIT DROP", ct).ConfigureAwait(false);
            await using (var staged = await BulkWriter.OpenAsync(db, "applied_states", Staged.Select(c => c.Column).ToList(), ct).ConfigureAwait(false))
            {
                foreach (var a in applied) await staged.AddAsync(Staged.Select(c => c.Value(a)).ToArray(), ct).ConfigureAwait(false);
                await staged.CompleteAsync(ct).ConfigureAwait(false);
            }
            changed = await db.Database.ExecuteSqlRawAsync(
                "UPDATE payments p SET status = a.status, credited_on = a.credited_on, status_reason = a.reason " +
                "FROM applied_states a WHERE p.id = a.id AND p.status = a.was", ct).ConfigureAwait(false);
        }
        else
        {
            using var update = new PreparedCommand(db, UpdateSql, "status", "credited_on", "reason", "id", "was");
            foreach (var (s, was) in applied)
                changed += await update.Set("status", s.Status.Code()).Set("credited_on", s.CreditedOn).Set("reason", s.Reason).Set("id", s.Id).Set("was", was.Code())
                    .ExecuteAsync(ct).ConfigureAwait(false);
        }
        if (changed != applied.Count) throw new InvalidOperationException("payments changed under this reconcile; nothing was applied, run it again");
    }

    internal const string UpdateSql =
        "UPDATE payments SET status = @status, credited_on = @credited_on, status_reason = @reason WHERE id = @id AND status = @was";

    /// <summary>PostgreSQL: the applied statuses as staged, each column paired with its value once.</summary>
    private static readonly (Column Column, Func<(PaymentState State, PaymentStatus Was), object?> Value)[] Staged =
    [
        (new("id", ColumnType.Long), a => a.State.Id), (new("status", ColumnType.Text), a => a.State.Status.Code()),
        (new("credited_on", ColumnType.Date), a => a.State.CreditedOn), (new("reason", ColumnType.Text), a => a.State.Reason),
        (new("was", ColumnType.Text), a => a.Was.Code()),
    ];

    /// <summary>The payments of the quarters by reference, streamed: a million rows are not held twice.</summary>
    private Dictionary<string, PaymentState> LoadStates(IReadOnlyList<string> quarters)
    {
        var byReference = new Dictionary<string, PaymentState>(StringComparer.Ordinal);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal); // districts and BICs repeat: one string each
        string Once(string s) => texts.TryGetValue(s, out var same) ? same : texts[s] = s;
        foreach (var view in db.PaymentViews(quarters).AsEnumerable()) // synchronously: an async read costs a task per row
            byReference.Add(view.Reference, PaymentState.Of(view with { District = Once(view.District), Bic = Once(view.Bic) }));
        return byReference;
    }

    public static readonly string[] ReconciliationColumns =
        ["reference", "case_id", "child_iin", "bic", "iban", "amount", "value_date", "status", "credited_on", "banking_days", "deadline", "sla", "reason"];

    /// <summary>One row per payment, written in chunks as it is made: a million rows are never one text in memory.</summary>
    private static void WriteReconciliationCsv(IEnumerable<(PaymentState Payment, SlaPosition Sla)> payments, Stream stream)
    {
        var csv = new CsvText().Row(ReconciliationColumns);
        var rows = 0;
        foreach (var (p, (sla, days, deadline)) in payments)
        {
            csv.Row(p.Reference.ToString(), p.CaseId, p.ChildIin.Value, p.Bic.Value, p.Iban.Value, p.Amount.ToString(), Date(p.ValueDate), p.Status.Code(),
                Date(p.CreditedOn), days?.ToString(CultureInfo.InvariantCulture), Date(deadline), sla?.Code() ?? "", p.Reason);
            if (++rows % 10_000 != 0) continue;
            stream.Write(csv.ToUtf8());
            csv = new CsvText(); // the next chunk, without the header
        }
        stream.Write(csv.ToUtf8());
    }

    private static byte[] FindingsCsv(IEnumerable<Finding> findings)
    {
        var csv = new CsvText().Row("file", "line", "reference", "finding", "detail");
        foreach (var f in findings) csv.Row(f.File, f.Line?.ToString(CultureInfo.InvariantCulture), f.Reference, f.Code, f.Detail);
        return csv.ToUtf8();
    }

    private static string Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}

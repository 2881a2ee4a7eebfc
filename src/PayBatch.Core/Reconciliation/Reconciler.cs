using System.Globalization;
using Microsoft.Data.Sqlite;
using System.Runtime.ExceptionServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using PayBatch.Core.Domain;
using PayBatch.Core.Import;
using PayBatch.Core.Output;
using PayBatch.Core.Persistence;
using Serilog;
using PayBatch.Core.Localization;

namespace PayBatch.Core.Reconciliation;

/// <summary>A finding of a reconcile run: a line that needs a person, or an overdue payment (no file, no line).</summary>
public sealed record Finding
{
    private readonly string? _detail;

    public Finding(string file, int? line, string reference, string code, string detail) : this(file, line, reference, code) => _detail = detail;

    private Finding(string file, int? line, string reference, string code) => (File, Line, Reference, Code) = (file, line, reference, code);

    /// <summary>
    /// A line whose reference names no payment. Its detail is made when read, from the reference: a file of a million
    /// such lines held a million details (74 MB) beside the payments.
    /// </summary>
    public static Finding UnknownReference(string file, int line, string reference) => new(file, line, reference, Matching.UnknownReference);

    public string File { get; }

    public int? Line { get; }

    public string Reference { get; }

    public string Code { get; }

    public string Detail => _detail ?? Matching.NoPayment(Reference);
}

public sealed record ReconcileOutcome(
    IReadOnlyList<ConfirmationFile> Files, int Applied, int Same, IReadOnlyList<Finding> Findings,
    IReadOnlyList<string> Written, IReadOnlyDictionary<string, int> SlaCounts);

/// <summary>
/// Applies bank confirmations in the order given, lines in file order, under the write lock: what
/// is recorded is never overwritten by a contradicting line, and re-reading a file changes nothing.
/// Every applied line is kept with its file and hash. Each quarter's reconciliation.csv and findings.csv
/// are rendered while the statuses are stored, and put in place once they are committed.
/// </summary>
public sealed class Reconciler(PayBatchDb db, ReferenceData data, TimeProvider clock, ILogger log, string? departmentIban = null)
{
    public async Task<ReconcileOutcome> ExecuteAsync(IReadOnlyList<string> paths, DateOnly asOf, string outDir, IProgress<ProgressInfo>? progress, CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        AtomicFile.RequireWritable(outDir); // refused before anything is read, as run does: the files are staged before the commit
        var (files, begun, early) = await ReadFilesAsync(paths, ct).ConfigureAwait(false); // every file readable, or nothing is applied
        await using var tx = begun ?? await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        if (begun is null) await WriteLock.AcquireAsync(db, ct).ConfigureAwait(false);
        var debits = files.SelectMany(f => StatementMatching.Debits(Path.GetFileName(f.Path), f.AllStatements)).ToList();
        var statements = files.SelectMany(f => f.AllStatements.Select(s => (File: f, Statement: s))).ToList();
        var quarters = files.SelectMany(f => f.Quarters).Concat(debits.Select(d => d.Batch).Select(Confirmation.QuarterOf).OfType<string>())
            .ToHashSet(StringComparer.Ordinal);
        if (statements.Count > 0)
        {
            // A statement concerns the quarters it covers and those of the batches valued within it (NOT_DEBITED).
            var (from, to) = (statements.Min(s => s.Statement.OpeningDate), statements.Max(s => s.Statement.ClosingDate));
            for (var d = new DateOnly(from.Year, ((from.Month - 1) / 3 * 3) + 1, 1); d <= to; d = d.AddMonths(3)) quarters.Add(new Quarter(d.Year, (d.Month + 2) / 3).ToString());
            quarters.UnionWith(await db.QuartersValuedBetween(from, to).ToListAsync(ct).ConfigureAwait(false));
        }
        var quarterList = quarters.Order(StringComparer.Ordinal).ToList();
        var byReference = early?.States ?? [];
        var others = quarterList.Where(q => q != early?.Quarter).ToList();
        if (others.Count > 0) await LoadStatesAsync(others, byReference, ct).ConfigureAwait(false);
        Step("loaded {0} payment(s)", byReference.Count);
        var seen = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal); // the lines of each file already kept
        foreach (var f in files) seen.TryAdd(f.Sha256, []);
        foreach (var (sha, line) in db.SeenConfirmationLines([.. seen.Keys]).AsEnumerable()) seen[sha].Add(line);
        var entryKeys = files.Where(f => f.AllStatements.Count > 0).SelectMany(f => f.Lines).Select(l => l.Entry?.Identity).OfType<string>()
            .Concat(debits.Select(d => d.Identity)).ToList();
        var storedEntries = (await db.StoredEntryKeys(entryKeys).ToListAsync(ct).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
        var findings = new List<Finding>();
        var entries = new List<StatementEntryRow>();
        var now = clock.GetUtcNow().UtcDateTime;
        int applied = 0, same = 0, n = 0, changed = 0;
        var total = files.Sum(f => f.Count);
        // The lines are read and matched on a thread of their own (against the payments loaded above, never the database)
        // while this one keeps each line's outcome as it is decided.
        await RowWriter<ConfirmationRow>.WriteAsync(db, (keep, token) =>
        {
            foreach (var file in files)
            {
                var name = Path.GetFileName(file.Path);
                var seenLines = seen[file.Sha256];
                foreach (var line in file.Lines)
                {
                    if (token.IsCancellationRequested) return;
                    var key = Key(line.Reference);
                    var held = default(HeldPayment);
                    var state = key is { } k && byReference.TryGetValue(k, out held) ? held.State : null;
                    var result = Matching.Decide(state, line, data.Calendar);
                    if (result.Updated is { } updated)
                    {
                        if (held.Was is null) changed++;
                        held.Apply(updated);
                        byReference[key!.Value] = held;
                        applied++;
                    }
                    if (result.Outcome == MatchResult.Same) same++;
                    if (result.Finding is not null)
                        findings.Add(result.Finding == Matching.UnknownReference
                            ? Finding.UnknownReference(name, line.Line, line.Reference)
                            : new Finding(name, line.Line, line.Reference, result.Finding, result.Detail));
                    if (result.Outcome != MatchResult.Same && seenLines.Add(line.Line))
                    {
                        keep(new ConfirmationRow
                        {
                            File = name, FileSha256 = file.Sha256, Line = line.Line, Reference = line.Reference, PaymentId = state?.Id,
                            Status = line.Status.Code(), CreditedOn = line.CreditedOn, AmountTiyn = line.Amount?.Tiyn, Iban = line.Iban, Reason = line.Reason,
                            Outcome = result.Finding ?? result.Outcome, ReadAtUtc = now,
                        });
                    }
                    if (line.Entry is { } e && storedEntries.Add(e.Identity))
                        entries.Add(EntryRow(file, line.Line, e.Location, e.Identity, "return", line.Reference, null, state?.Id, line.Amount ?? state?.Amount ?? Tenge.Zero,
                            e.BookedOn, line.Reason, result.Finding ?? result.Outcome, now));
                    if (++n % 10_000 == 0) progress?.Report(new("confirmations", n, (int)(n * 100L / total)));
                }
            }
        }, ct).ConfigureAwait(false);
        Step("matched {0} line(s)", n);

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
        findings.AddRange(BatchFindings(batches, entries, debits, asOf, statementsRead));

        var present = byReference.Keys.Select(r => r.Quarter).ToHashSet();
        var reported = new SortedSet<string>(quarterList.Where(q => present.Contains(Quarter.Parse(q))), StringComparer.Ordinal);
        // The quarters' files come from what was decided alone: rendered on the other core while this one stores it,
        // each under a temporary name beside its place, and put in place once the transaction commits.
        var staged = new List<AtomicFile.Staged>();
        var created = new List<(string Folder, string? Created)>();
        var sla = new Dictionary<string, int>(StringComparer.Ordinal);
        var overdue = new List<Finding>();
        using var stopRendering = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var rendering = Task.Run(() => StageQuarterFiles(reported, byReference, findings, asOf, outDir, staged, created, sla, overdue, stopRendering.Token),
            stopRendering.Token);
        try
        {
            await ApplyAsync(byReference.Values.Where(h => h.Was is not null).Select(h => (h.State, h.Was!.Value)), changed, ct).ConfigureAwait(false);
            Step("applied {0} status(es)", changed);
            await StoreStatementsAsync(statements, entries, now, ct).ConfigureAwait(false);
            await KeepFindingsAsync(reported, findings, now, ct).ConfigureAwait(false);
            await rendering.ConfigureAwait(false);
            Step("stored, {0} file(s) staged", staged.Count);
            await tx.CommitAsync(ct).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // Nothing is recorded: nothing stays on disk either (once the rendering has stopped: it stops before its next quarter).
            await stopRendering.CancelAsync().ConfigureAwait(false);
            await Task.WhenAny(rendering).ConfigureAwait(false);
            if (rendering.Exception?.InnerException is { } failed && failed != e) log.Debug(failed, "The reconciliation files' rendering failed as well");
            foreach (var f in staged) f.Discard();
            // Innermost first: a folder made for a later quarter sits inside the output folder an earlier one made.
            foreach (var (folder, made) in Enumerable.Reverse(created)) AtomicFile.RemoveCreatedDirectories(folder, made);
            throw;
        }
        progress?.Report(new("confirmations", n, 100));
        log.Information("Reconciled {Files} file(s) in {Ms} ms: {Applied} applied, {Same} already recorded, {Debits} batch debit(s), {Findings} finding(s)",
            files.Count, (int)clock.GetElapsedTime(started).TotalMilliseconds, applied, same, debits.Count, findings.Count);
        Step("committed", 0);
        for (var i = 0; i < staged.Count; i++)
        {
            try
            {
                staged[i].Commit();
            }
            catch
            {
                foreach (var rest in staged.Skip(i)) rest.Discard(); // the statuses are recorded: a re-run writes the files again
                throw;
            }
        }
        var written = staged.Select(f => f.Path).ToList();
        Step("wrote {0} file(s)", written.Count);
        return new ReconcileOutcome(files, applied, same, [.. findings, .. overdue], written, sla);

        // Where the time and the memory go, for --verbose.
        void Step(string what, int count) => log.Debug("Reconcile: {What} at {Ms} ms, {Mb} MB", string.Format(CultureInfo.InvariantCulture, what, count),
            (int)clock.GetElapsedTime(started).TotalMilliseconds, Environment.WorkingSet >> 20);
    }

    /// <summary>
    /// Stages each reported quarter's reconciliation.csv and findings.csv in its folder (made if missing, and noted in
    /// <paramref name="created"/>), adding the SLA counts and the overdue payments they hold to <paramref name="sla"/> and
    /// <paramref name="overdue"/>. Reads the payments and findings only: the caller stores them meanwhile.
    /// </summary>
    private void StageQuarterFiles(IEnumerable<string> reported, Dictionary<PaymentReference, HeldPayment> byReference, IReadOnlyList<Finding> findings,
        DateOnly asOf, string outDir, List<AtomicFile.Staged> staged, List<(string, string?)> created, Dictionary<string, int> sla, List<Finding> overdue,
        CancellationToken ct)
    {
        var quarters = reported.ToHashSet(StringComparer.Ordinal);
        foreach (var q in reported)
        {
            ct.ThrowIfCancellationRequested();
            var quarter = Quarter.Parse(q);
            var order = byReference.Keys.Where(r => r.Quarter == quarter).ToList();
            order.Sort(Compare);
            var payments = order.Select(r => byReference[r].State);
            var (quarterSla, quarterOverdue) = (new Dictionary<string, int>(StringComparer.Ordinal), new List<Finding>());
            var folder = Path.Combine(outDir, q);
            created.Add((folder, AtomicFile.CreateDirectory(folder)));
            staged.Add(AtomicFile.Stage(Path.Combine(folder, "reconciliation.csv"), stream =>
            {
                (quarterSla, quarterOverdue) = ([], []); // a retried write counts afresh
                WriteReconciliationCsv(payments.Select(p =>
                {
                    var position = Sla.Of(p, asOf, data.Calendar);
                    if (position.Status is { } status) quarterSla[status.Code()] = quarterSla.GetValueOrDefault(status.Code()) + 1;
                    if (position.Status == SlaStatus.Overdue)
                        quarterOverdue.Add(new Finding("", null, p.Reference.ToString(), "OVERDUE", $"still issued after the deadline {Date(position.Deadline)}"));
                    return (p, position);
                }), stream);
            }));
            foreach (var (code, count) in quarterSla) sla[code] = sla.GetValueOrDefault(code) + count;
            overdue.AddRange(quarterOverdue);
            var quarterFindings = FindingsOf(q, findings, quarters).Concat(quarterOverdue);
            staged.Add(AtomicFile.Stage(Path.Combine(folder, "findings.csv"), stream => WriteFindingsCsv(quarterFindings, stream)));
        }
    }

    /// <summary>The payment a line's reference names, when it is written as a payment reference is stored (2026Q1-01-000001).</summary>
    private static PaymentReference? Key(string reference) =>
        reference is { Length: 16 } && reference[4] == 'Q' && PaymentReference.TryParse(reference, out var r) ? r : null;

    /// <summary>The order of the references as text: quarter, batch, sequence.</summary>
    private static int Compare(PaymentReference a, PaymentReference b) =>
        a.Quarter != b.Quarter ? a.Quarter.CompareTo(b.Quarter) : a.Batch != b.Batch ? a.Batch.CompareTo(b.Batch) : a.Sequence.CompareTo(b.Sequence);

    /// <summary>
    /// A reported quarter's findings: those of its payments, and those of lines whose reference names no
    /// reported quarter (none, or one without payments: "2026Q2-01-000001" before Q2 is paid), so that every
    /// finding of the run is in a findings.csv whenever one is written.
    /// </summary>
    private static IEnumerable<Finding> FindingsOf(string quarter, IEnumerable<Finding> findings, IReadOnlySet<string> reported) =>
        findings.Where(f => Confirmation.QuarterOf(f.Reference) is not { } fq || fq == quarter || !reported.Contains(fq));

    /// <summary>
    /// Replaces each reported quarter's kept findings with this run's, so <c>status</c> knows what the last
    /// reconcile found: through the bulk path, as a million unknown references may be a million findings.
    /// </summary>
    private async Task KeepFindingsAsync(IReadOnlySet<string> quarters, IReadOnlyList<Finding> findings, DateTime now, CancellationToken ct)
    {
        foreach (var q in quarters)
            await db.ReconcileFindings.Where(f => f.Quarter == q).ExecuteDeleteAsync(ct).ConfigureAwait(false);
        await RowWriter<ReconcileFindingRow>.WriteAsync(db, quarters.SelectMany(q => FindingsOf(q, findings, quarters).Select(f => new ReconcileFindingRow
        {
            Quarter = q, File = f.File, Line = f.Line, Reference = f.Reference, Code = f.Code, Detail = f.Detail, ReconciledAtUtc = now,
        })), ct).ConfigureAwait(false);
    }

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
    /// DEBIT_MISMATCH for a batch whose debits read so far are not its control sum; NOT_DEBITED for a released
    /// batch past its deadline without any debit, once a statement of the account has been read.
    /// </summary>
    private List<Finding> BatchFindings(IReadOnlyList<BatchRow> batches, IReadOnlyList<StatementEntryRow> entries,
        IReadOnlyList<BatchDebit> debits, DateOnly asOf, bool statementsRead)
    {
        var ids = batches.Select(b => b.Id).ToList();
        var stored = PlainReads.DebitSums(db, ids).ToDictionary(x => x.Batch, x => (Sum: x.SumTiyn, x.Count));
        var findings = new List<Finding>();
        foreach (var b in batches)
        {
            var key = $"{b.Quarter}-{b.Number:00}";
            var fresh = entries.Where(e => e.Kind == "debit" && e.BatchId == b.Id).ToList();
            var (storedSum, count) = stored.GetValueOrDefault(b.Id);
            var sum = storedSum + fresh.Sum(e => (decimal)e.AmountTiyn);
            count += fresh.Count;
            var last = debits.LastOrDefault(d => d.Batch == key);
            // Kept, such debits would fail every later sum of the batch's (the report's, a payment's trace): the call is
            // refused whole, as a statement that does not add up is, and nothing of it is applied.
            if (sum is > long.MaxValue or < long.MinValue)
                throw new InputFileException(last?.File ?? "", [CoreText.DebitsPastAnyAmount.With(key, last?.Line ?? 0)]);
            if (count > 0 && sum != b.TotalTiyn)
                findings.Add(new Finding(last?.File ?? "", last?.Line, key, "DEBIT_MISMATCH", $"debited {new Tenge((long)sum)} so far, control sum {new Tenge(b.TotalTiyn)}"));
            // Only a released batch is owed a debit (SPEC): a prepared one has not gone to the bank, a cancelled one never will.
            if (count > 0 || !statementsRead || b.State != BatchState.Released) continue;
            var deadline = data.Calendar.AddBankingDays(b.ValueDate, Sla.DeadlineBankingDays);
            if (asOf > deadline)
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
    /// process got there first the counts differ and nothing of this run is kept. SQLite updates them a chunk of rows
    /// at a time (<see cref="SqliteRowFeed.Update"/>); PostgreSQL stages them and updates in one statement (a million
    /// single-row updates take twice as long). Their update of many payments (<see cref="BulkIndexes.From"/>), when they are
    /// also at least half of all payments, runs with the indexes it would rewrite made again after it (SQLite: the partial
    /// ones on status; PostgreSQL: all but the key's; <see cref="BulkIndexes.ForUpdateOf"/>): making an index reads every payment.
    /// </summary>
    private async Task ApplyAsync(IEnumerable<(PaymentState State, PaymentStatus Was)> applied, int count, CancellationToken ct)
    {
        int changed;
        if (db.Provider is DbProvider.Postgres or DbProvider.Sqlite)
        {
            var sqlite = db.Provider == DbProvider.Sqlite;
            if (!sqlite)
            {
                await db.Database.ExecuteSqlRawAsync(
                    "CREATE TEMP TABLE applied_states (id bigint, status text, credited_on date, status_reason text, was text) ON COMMIT DROP", ct).ConfigureAwait(false);
                await using var staged = await BulkWriter.OpenAsync(db, "applied_states", Applied.Select(c => c.Column).ToList(), ct).ConfigureAwait(false);
                foreach (var a in applied) await staged.AddAsync(AppliedValues(a), ct).ConfigureAwait(false);
                await staged.CompleteAsync(ct).ConfigureAwait(false);
            }
            Task<int> Update() => sqlite
                ? Task.FromResult(UpdateOnSqlite(applied, ct))
                : db.Database.ExecuteSqlRawAsync(
                    "UPDATE payments p SET status = a.status, credited_on = a.credited_on, status_reason = a.status_reason FROM applied_states a WHERE p.id = a.id AND p.status = a.was",
                    ct);
            changed = await BulkIndexes.WorthSettingAsideAsync(db, "payments", count, added: false, ct).ConfigureAwait(false)
                ? await BulkIndexes.RebuiltAroundAsync(db, "payments", "status", Update, ct).ConfigureAwait(false)
                : await Update().ConfigureAwait(false);
        }
        else
        {
            changed = 0;
            using var update = new PreparedCommand(db, UpdateSql, "status", "credited_on", "reason", "id", "was");
            foreach (var (s, was) in applied)
                changed += await update.Set("status", s.Status.Code()).Set("credited_on", s.CreditedOn).Set("reason", s.Reason).Set("id", s.Id).Set("was", was.Code())
                    .ExecuteAsync(ct).ConfigureAwait(false);
        }
        if (changed != count) throw new InvalidOperationException("payments changed under this reconcile; nothing was applied, run it again");
    }

    /// <summary>The applied statuses through the row feed, each row as <see cref="Applied"/>: the key, the columns set, the status read.</summary>
    private int UpdateOnSqlite(IEnumerable<(PaymentState State, PaymentStatus Was)> applied, CancellationToken ct)
    {
        using var feed = SqliteRowFeed.Update((SqliteConnection)db.Database.GetDbConnection(), "payments", "id",
            [.. Applied[1..^1].Select(c => c.Column.Name)], "status");
        var encoder = new SqliteRowFeed.Encoder([.. Applied.Select(c => c.Column)]);
        var n = 0;
        foreach (var a in applied)
        {
            if (++n % SqliteRowFeed.ChunkRows == 0) ct.ThrowIfCancellationRequested();
            feed.Add(encoder.Bindable(AppliedValues(a)));
        }
        feed.Flush();
        return checked((int)feed.Changes);
    }

    internal const string UpdateSql =
        "UPDATE payments SET status = @status, credited_on = @credited_on, status_reason = @reason WHERE id = @id AND status = @was";

    /// <summary>
    /// An applied status as it is written, each column paired with its value once: the payment's key, the payments' columns
    /// set (named as they are), and the status read, which the payment must still have.
    /// </summary>
    private static readonly (Column Column, Func<(PaymentState State, PaymentStatus Was), object?> Value)[] Applied =
    [
        (new("id", ColumnType.Long), a => a.State.Id), (new("status", ColumnType.Text), a => a.State.Status.Code()),
        (new("credited_on", ColumnType.Date), a => a.State.CreditedOn), (new("status_reason", ColumnType.Text), a => a.State.Reason),
        (new("was", ColumnType.Text), a => a.Was.Code()),
    ];

    private static object?[] AppliedValues((PaymentState State, PaymentStatus Was) a)
    {
        var values = new object?[Applied.Length];
        for (var i = 0; i < values.Length; i++) values[i] = Applied[i].Value(a);
        return values;
    }

    /// <summary>
    /// Reads every file, or refuses them all. When they are all CSV, whose lines name their quarter from the first, the
    /// transaction begins as soon as the first quarter is known, under the write lock, and that quarter's payments are
    /// loaded here while the files are read to their end on a thread of their own (a million lines: 1.3 s to read them,
    /// 2.7 s to load the payments, 3.3 s side by side). A file's problem is reported before any failure of the database
    /// meanwhile, as when the files were read first, and the transaction is rolled back. As an import does, it takes the
    /// write lock before the files are read to their end: while another command holds it, a bad line further down is
    /// reported once the lock is had (or its wait has timed out), not before.
    /// </summary>
    /// <returns>The files; the transaction begun, if it was; and the quarter whose payments were loaded, with them.</returns>
    private async Task<(List<ConfirmationFile> Files, IDbContextTransaction? Begun, (string Quarter, Dictionary<PaymentReference, HeldPayment> States)? Early)>
        ReadFilesAsync(IReadOnlyList<string> paths, CancellationToken ct)
    {
        if (!paths.All(ConfirmationReader.IsCsv)) return (Checked(paths.Select(p => ConfirmationReader.Read(p)).ToList()), null, null);
        var first = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var reading = Task.Factory.StartNew(() => paths.Select(p => ConfirmationReader.Read(p, q => first.TrySetResult(q))).ToList(),
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default); // a thread of its own, not one of the pool's
        IDbContextTransaction? begun = null;
        try
        {
            // Once a quarter was seen it stays seen: the reading may have ended (a line further down refused) before this
            // thread looked. A file already refused is reported before anything else is done.
            await Task.WhenAny(first.Task, reading).ConfigureAwait(false);
            if (!first.Task.IsCompleted || reading.IsFaulted) return (Checked(await reading.ConfigureAwait(false)), null, null);
            var quarter = first.Task.Result;
            begun = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
            await WriteLock.AcquireAsync(db, ct).ConfigureAwait(false);
            if (reading.IsFaulted) await reading.ConfigureAwait(false); // refused while the lock was awaited: no load
            var states = new Dictionary<PaymentReference, HeldPayment>();
            await LoadStatesAsync([quarter], states, ct).ConfigureAwait(false);
            return (Checked(await reading.ConfigureAwait(false)), begun, (quarter, states));
        }
        catch (Exception e)
        {
            try
            {
                if (begun is not null) await begun.DisposeAsync().ConfigureAwait(false);
            }
            finally
            {
                await ((Task)reading).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing); // not left reading behind
            }
            if (reading.Exception?.InnerException is { } unreadable && unreadable != e) ExceptionDispatchInfo.Throw(unreadable);
            throw;
        }

        List<ConfirmationFile> Checked(List<ConfirmationFile> files)
        {
            foreach (var f in files) log.Debug("Read {File}: {Kind}, {Lines} confirmation(s), sha256 {Sha256}", Path.GetFileName(f.Path), f.Kind, f.Count, f.Sha256);
            RefuseUnusableStatements(files);
            if (files.Any(f => f.AllStatements.Count > 0)) LargeReads.LetGo(); // a statement's XML tree (a 20 MB file: ~200 MB), before the payments are read
            return files;
        }
    }

    /// <summary>
    /// The payments of the quarters by reference, streamed into <paramref name="byReference"/>: a million rows are not
    /// held twice. Sized first by the count their batches record: growing a dictionary of a million structs would hold the
    /// old and the new table at once (it does, once, when a file names a second quarter with payments after the first
    /// quarter's were loaded).
    /// </summary>
    private async Task LoadStatesAsync(IReadOnlyList<string> quarters, Dictionary<PaymentReference, HeldPayment> byReference, CancellationToken ct)
    {
        var count = await db.BatchesOfQuarters(quarters).SumAsync(b => b.Count, ct).ConfigureAwait(false);
        byReference.EnsureCapacity(byReference.Count + count);
        foreach (var state in PlainReads.PaymentStates(db, quarters)) byReference.Add(state.Reference, new HeldPayment(state));
    }

    public static readonly string[] ReconciliationColumns =
        ["reference", "case_id", "child_iin", "bic", "iban", "amount", "value_date", "status", "credited_on", "banking_days", "deadline", "sla", "reason"];

    /// <summary>
    /// One row per payment, written in chunks as it is made: a million rows are never one text in memory,
    /// and a chunk (about 64 KB) stays off the large object heap, which only a full collection frees.
    /// </summary>
    private static void WriteReconciliationCsv(IEnumerable<(PaymentState Payment, SlaPosition Sla)> payments, Stream stream)
    {
        var csv = new CsvText().Row(ReconciliationColumns);
        var rows = 0;
        foreach (var (p, (sla, days, deadline)) in payments)
        {
            csv.Row(p.Reference.ToString(), p.CaseId, p.ChildIin.Value, p.Bic.Value, p.Iban.Value, p.Amount.ToString(), Date(p.ValueDate), p.Status.Code(),
                Date(p.CreditedOn), days?.ToString(CultureInfo.InvariantCulture), Date(deadline), sla?.Code() ?? "", p.Reason);
            if (++rows % 500 != 0) continue;
            stream.Write(csv.ToUtf8());
            csv = new CsvText(); // the next chunk, without the header
        }
        stream.Write(csv.ToUtf8());
    }

    /// <summary>Written in chunks as it is made, like reconciliation.csv: a file of a wrong batch's million lines is a million findings.</summary>
    private static void WriteFindingsCsv(IEnumerable<Finding> findings, Stream stream)
    {
        var csv = new CsvText().Row("file", "line", "reference", "finding", "detail");
        var rows = 0;
        foreach (var f in findings)
        {
            csv.Row(f.File, f.Line?.ToString(CultureInfo.InvariantCulture), f.Reference, f.Code, f.Detail);
            if (++rows % 500 != 0) continue;
            stream.Write(csv.ToUtf8());
            csv = new CsvText(); // the next chunk, without the header
        }
        stream.Write(csv.ToUtf8());
    }

    private static string Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PayBatch.Core.Domain;
using PayBatch.Core.Persistence;
using PayBatch.Core.Reconciliation;
using PayBatch.Tests.Support;

namespace PayBatch.Tests.Persistence;

/// <summary>
/// SQLite's update of most payments' statuses runs with the partial indexes on status dropped and made again after it,
/// and an import into an empty table with the indexes besides its key's (<see cref="SqliteIndexes"/>): the schema
/// afterwards is the schema before, the indexes still refuse what they refused, and a reconcile that takes that way
/// stores what the ordinary way stores.
/// </summary>
public class SqliteIndexesTests
{
    private const string Amount = "28112.50";

    private static Workspace Paid(int n)
    {
        var ws = new Workspace();
        var rows = Enumerable.Range(1, n).Select(i => Cases.Row(i)).ToList();
        ws.RunOk("run", "--quarter", "2026Q1", "--value-date", "2026-01-20",
            "--recipients", ws.Write("r.csv", Cases.Csv(rows)), "--certificates", ws.Write("c.csv", Cases.Certificates(rows)));
        return ws;
    }

    /// <summary>A SQLite database with the schema and no row.</summary>
    private static Workspace Initialised()
    {
        var ws = new Workspace("sqlite");
        ws.RunOk("init");
        return ws;
    }

    private static List<(string Name, string Sql)> Schema(PayBatchDb db) =>
        [.. db.Database.SqlQueryRaw<string>("SELECT type || ' ' || name || ': ' || COALESCE(sql, '') AS \"Value\" FROM sqlite_master ORDER BY type, name")
            .AsEnumerable().Select(s => (s[..s.IndexOf(':', StringComparison.Ordinal)], s))];

    private static long SchemaVersion(PayBatchDb db) => db.Database.SqlQueryRaw<long>("SELECT schema_version AS \"Value\" FROM pragma_schema_version").Single();

    private static List<string> Payments(PayBatchDb db) =>
        [.. db.Payments.AsNoTracking().OrderBy(p => p.Id).AsEnumerable().Select(p => $"{p.Id} {p.Reference} {p.ChildIin} {p.Status} {p.CreditedOn} {p.StatusReason}")];

    [Fact]
    public async Task Finds_the_two_partial_indexes_whose_condition_names_status()
    {
        using var ws = Paid(1);
        await using var db = ws.OpenDb();
        var found = SqliteIndexes.PartialOn(db, "payments", "status");
        Assert.Equal(["IX_payments_replaces_payment_id", "ux_payments_live_child_quarter"], found.Select(f => f.Name));
        Assert.All(found, f => Assert.StartsWith("CREATE UNIQUE INDEX", f.Sql, StringComparison.Ordinal));
        Assert.Empty(SqliteIndexes.PartialOn(db, "payments", "reference"));
    }

    [Fact]
    public async Task The_update_runs_without_them_and_the_schema_after_is_the_schema_before()
    {
        using var ws = Paid(3);
        await using var db = ws.OpenDb();
        var before = Schema(db);
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            var changed = await SqliteIndexes.RebuiltAroundAsync(db, "payments", "status", async () =>
            {
                // Inside: the indexes are gone.
                Assert.Empty(SqliteIndexes.PartialOn(db, "payments", "status"));
                return await db.Database.ExecuteSqlRawAsync("UPDATE payments SET status = 'rejected', status_reason = 'AC04' WHERE sequence = 2");
            }, default);
            Assert.Equal(1, changed);
            await tx.CommitAsync();
        }
        Assert.Equal(before, Schema(db));
        Assert.Equal(PaymentStatus.Rejected, db.Payments.AsNoTracking().Single(p => p.Sequence == 2).Status);
    }

    [Fact]
    public async Task A_second_live_payment_made_by_the_update_fails_it_and_nothing_is_kept()
    {
        using var ws = Paid(3);
        await using var db = ws.OpenDb();
        var (schema, payments) = (Schema(db), Payments(db));
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            // Payment 2 made the same child's as payment 1: two live payments of one child in 2026Q1.
            var updated = 0;
            var e = await Assert.ThrowsAsync<SqliteException>(() => SqliteIndexes.RebuiltAroundAsync(db, "payments", "status", async () =>
            {
                // Without the indexes the update itself goes through: the refusal comes from creating them again.
                Assert.Empty(SqliteIndexes.PartialOn(db, "payments", "status"));
                return updated = await db.Database.ExecuteSqlRawAsync("UPDATE payments SET child_iin = (SELECT child_iin FROM payments WHERE sequence = 1) WHERE sequence = 2");
            }, default));
            Assert.Equal(1, updated);
            Assert.Equal(19, e.SqliteErrorCode); // SQLITE_CONSTRAINT
            Assert.Contains("UNIQUE", e.Message, StringComparison.Ordinal);
            await tx.RollbackAsync();
        }
        Assert.Equal(schema, Schema(db));
        Assert.Equal(payments, Payments(db));
    }

    [Fact]
    public async Task A_reconcile_that_rebuilds_them_stores_what_the_ordinary_one_stores()
    {
        var bank = "reference,iban,amount,status,credited_on,reason\n" +
                   $"2026Q1-01-000001,,{Amount},credited,2026-01-22,\n2026Q1-01-000002,,{Amount},rejected,,AC04\n2026Q1-01-000003,,{Amount},credited,2026-01-21,\n";
        var results = new List<(List<string> Payments, List<(string, string)> Schema, string Reconciliation, bool Rebuilt)>();
        foreach (var from in new[] { 1, 50_000 })
        {
            using var ws = Paid(4);
            await using var db = ws.OpenDb();
            var version = SchemaVersion(db);
            using var threshold = SqliteIndexes.SetAsideFromInThisFlow(from);
            var reconciler = new Reconciler(db, ReferenceData.Load(), ws.Clock, Serilog.Core.Logger.None);
            var outcome = await reconciler.ExecuteAsync([ws.Write("bank.csv", bank)], new DateOnly(2026, 1, 22), ws.OutDir, null, default);
            Assert.Equal(3, outcome.Applied);
            results.Add((Payments(db), Schema(db), File.ReadAllText(ws.Path_("out", "2026Q1", "reconciliation.csv")), SchemaVersion(db) != version));
        }
        var (rebuilt, ordinary) = (results[0], results[1]);
        Assert.True(rebuilt.Rebuilt, "3 of 4 payments from 1: the indexes are made again (the schema version moves)");
        Assert.False(ordinary.Rebuilt, "3 statuses, below 50,000: the ordinary update");
        Assert.Equal(ordinary.Payments, rebuilt.Payments);
        Assert.Equal(ordinary.Schema, rebuilt.Schema);
        Assert.Equal(ordinary.Reconciliation, rebuilt.Reconciliation);
        Assert.Contains(rebuilt.Payments, p => p.Contains("2026Q1-01-000002", StringComparison.Ordinal) && p.EndsWith("Rejected  AC04", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Outside_a_transaction_nothing_is_dropped()
    {
        using var ws = Paid(1);
        await using var db = ws.OpenDb();
        var before = Schema(db);
        await Assert.ThrowsAsync<InvalidOperationException>(() => SqliteIndexes.RebuiltAroundAsync(db, "payments", "status", () => Task.FromResult(0), default));
        Assert.Equal(before, Schema(db));
    }

    [Fact]
    public async Task Fewer_than_half_of_the_payments_take_the_ordinary_update()
    {
        using var ws = Paid(3);
        await using var db = ws.OpenDb();
        var version = SchemaVersion(db);
        using var threshold = SqliteIndexes.SetAsideFromInThisFlow(1);
        var reconciler = new Reconciler(db, ReferenceData.Load(), ws.Clock, Serilog.Core.Logger.None);
        var bank = $"reference,iban,amount,status,credited_on,reason\n2026Q1-01-000001,,{Amount},credited,2026-01-22,\n";
        var outcome = await reconciler.ExecuteAsync([ws.Write("bank.csv", bank)], new DateOnly(2026, 1, 22), ws.OutDir, null, default);
        Assert.Equal(1, outcome.Applied);
        Assert.Equal(version, SchemaVersion(db));
    }

    private static readonly DateTime Now = new(2026, 1, 20, 9, 30, 0, DateTimeKind.Utc);

    private static CertificateRow Certificate(int i) =>
        new() { ChildIin = $"1403155010{i:00}", Quarter = "2026Q1", CertificateNo = $"{i}", IssuedOn = new DateOnly(2026, 1, 10), School = "Школа" };

    [Fact]
    public async Task An_import_may_set_aside_every_index_but_the_primary_key_and_a_unique_one_on_other_columns_than_its_key()
    {
        using var ws = Paid(1);
        await using var db = ws.OpenDb();
        Assert.Equal(["IX_cases_child_iin"], SqliteIndexes.BesidesKey(db, "cases", ["case_id"]).Select(i => i.Name));
        Assert.Equal(["IX_certificates_quarter_child_iin_certificate_no"],
            SqliteIndexes.BesidesKey(db, "certificates", ["child_iin", "quarter", "certificate_no"]).Select(i => i.Name));
        // The live payment of a child and the single replacement are unique on other columns than the reference: they stay.
        Assert.Equal(["IX_payments_batch_id", "IX_payments_reference"], SqliteIndexes.BesidesKey(db, "payments", ["reference"]).Select(i => i.Name));
    }

    /// <summary>
    /// Imports certificates <paramref name="numbers"/> in a transaction, running <paramref name="whileInserting"/> after the
    /// rows are added; completed and committed, or (as a file with a problem) neither and rolled back.
    /// </summary>
    private static async Task ImportCertificatesAsync(PayBatchDb db, IEnumerable<int> numbers, bool complete, Action whileInserting)
    {
        await using var tx = await db.Database.BeginTransactionAsync();
        await using (var sink = await UpsertSink.OpenAsync<CertificateRow>(db, keepBankDetailHistory: false, Now, default))
        {
            foreach (var i in numbers) await sink.AddAsync(Certificate(i), default);
            whileInserting();
            if (complete) await sink.CompleteAsync(default);
        }
        if (complete) await tx.CommitAsync();
        else await tx.RollbackAsync();
    }

    [Fact]
    public async Task An_import_into_an_empty_table_inserts_without_the_index_of_its_key_which_is_there_again_after_it()
    {
        using var ws = Initialised();
        await using var db = ws.OpenDb();
        var before = Schema(db);
        await ImportCertificatesAsync(db, Enumerable.Range(1, 70), complete: true, // more than a chunk
            () => Assert.DoesNotContain(Schema(db), s => s.Name == "index IX_certificates_quarter_child_iin_certificate_no"));
        Assert.Equal(before.Select(s => s.Sql).Order(), Schema(db).Select(s => s.Sql).Order());
        Assert.Equal(70, db.Certificates.Count());
        // The index made again refuses a second certificate of the same number, as before.
        var e = Assert.Throws<SqliteException>(() => db.Database.ExecuteSqlRaw(
            "INSERT INTO certificates (child_iin, quarter, certificate_no, issued_on, school) SELECT child_iin, quarter, certificate_no, issued_on, school FROM certificates LIMIT 1"));
        Assert.Contains("UNIQUE", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_import_that_fails_while_inserting_leaves_the_indexes_as_they_were()
    {
        using var ws = Initialised();
        await using var db = ws.OpenDb();
        var before = Schema(db);
        await ImportCertificatesAsync(db, [1, 2, 3], complete: false, () => Assert.NotEqual(before, Schema(db)));
        Assert.Equal(before, Schema(db));
        Assert.Equal(0, db.Certificates.Count());
    }

    [Fact]
    public async Task An_import_into_a_table_with_rows_keeps_every_index()
    {
        using var ws = Paid(2);
        await using var db = ws.OpenDb();
        var version = SchemaVersion(db);
        await ImportCertificatesAsync(db, [9], complete: true, () => Assert.Equal(version, SchemaVersion(db)));
        Assert.Equal(version, SchemaVersion(db));
        Assert.Equal(3, db.Certificates.Count());
    }

    /// <summary>Writes payments of the children <paramref name="children"/> (by number) into the next batch of 2026Q1; whether the schema version moved.</summary>
    private static async Task<bool> WritePaymentsAsync(PayBatchDb db, IReadOnlyList<int> children, int setAsideFrom)
    {
        var version = SchemaVersion(db);
        var number = db.Batches.Count() + 1;
        var batch = new BatchRow
        {
            Quarter = "2026Q1", Number = number, Kind = BatchKind.Run, ValueDate = new DateOnly(2026, 1, 20), Mrp = 4325, Coefficient = 6.5m, AmountPerChildTiyn = 2811250,
            Count = children.Count, TotalTiyn = children.Count * 2811250L, WrittenWith = "{}", CreatedAtUtc = Now,
        };
        db.Batches.Add(batch);
        await db.SaveChangesAsync();
        var payments = children.Select((child, at) => (Child: child, Sequence: at + 1)).ToList();
        using var threshold = SqliteIndexes.SetAsideFromInThisFlow(setAsideFrom);
        await RowWriter<PaymentRow>.WriteAsync(db, payments, p => new PaymentRow
        {
            BatchId = batch.Id, Reference = $"2026Q1-{number:00}-{p.Sequence:000000}", Quarter = "2026Q1", Sequence = p.Sequence, CaseId = $"C-{p.Child}",
            District = "Алмалинский", ChildIin = $"1403155010{p.Child:00}", ApplicantIin = "880101300123", ApplicantName = "Әбдірова",
            Iban = "KZ86125KZT5004100100", Bic = "KCJBKZKX", AmountTiyn = 2811250, Status = PaymentStatus.Issued,
        }, default);
        return SchemaVersion(db) != version;
    }

    [Fact]
    public async Task Payments_written_with_the_indexes_set_aside_are_those_written_with_them_and_the_schema_after_is_the_schema_before()
    {
        var results = new List<(List<string> Payments, List<string> Schema, bool SetAside)>();
        foreach (var from in new[] { 1, int.MaxValue })
        {
            using var ws = Initialised();
            await using var db = ws.OpenDb();
            var before = Schema(db).Select(s => s.Sql).Order().ToList();
            bool setAside;
            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                setAside = await WritePaymentsAsync(db, [1, 2, 3], from);
                await tx.CommitAsync();
            }
            var after = Schema(db).Select(s => s.Sql).Order().ToList();
            Assert.Equal(before, after);
            results.Add((Payments(db), after, setAside));
        }
        Assert.True(results[0].SetAside, "3 payments into an empty table, from 1: the indexes are set aside (the schema version moves)");
        Assert.False(results[1].SetAside, "below the threshold: written with the indexes");
        Assert.Equal(results[1].Payments, results[0].Payments);
        Assert.Equal(3, results[0].Payments.Count);
    }

    [Fact]
    public async Task A_second_live_payment_of_a_child_among_payments_written_without_the_indexes_fails_them_and_nothing_is_kept()
    {
        using var ws = Initialised();
        await using var db = ws.OpenDb();
        var schema = Schema(db);
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            // Children 1, 2 and 1 again, each payment its own reference: the live payment's index, made again after the rows, refuses them.
            var e = await Assert.ThrowsAsync<SqliteException>(() => WritePaymentsAsync(db, [1, 2, 1], setAsideFrom: 1));
            Assert.Equal(19, e.SqliteErrorCode); // SQLITE_CONSTRAINT
            Assert.Contains("UNIQUE constraint failed: payments.quarter, payments.child_iin", e.Message, StringComparison.Ordinal);
            await tx.RollbackAsync();
        }
        Assert.Equal(schema, Schema(db));
        Assert.Empty(Payments(db));
    }

    [Fact]
    public async Task Fewer_payments_than_the_table_holds_are_written_with_its_indexes()
    {
        using var ws = Paid(3);
        await using var db = ws.OpenDb();
        await using var tx = await db.Database.BeginTransactionAsync();
        Assert.False(await WritePaymentsAsync(db, [7, 8], setAsideFrom: 1));
        Assert.True(await WritePaymentsAsync(db, [9, 10, 11, 12, 13], setAsideFrom: 1)); // 5 new against 5 held
    }

    [Fact]
    public async Task An_index_that_could_not_be_made_again_is_tried_again_by_the_next_restore()
    {
        using var ws = Paid(2);
        await using var db = ws.OpenDb();
        var before = Schema(db);
        await using var tx = await db.Database.BeginTransactionAsync();
        var indexes = await SqliteIndexes.DropAsync(db, SqliteIndexes.AllMade(db, "payments"), default);
        await db.Database.ExecuteSqlRawAsync("UPDATE payments SET child_iin = (SELECT child_iin FROM payments WHERE sequence = 1) WHERE sequence = 2");
        var e = await Assert.ThrowsAsync<SqliteException>(() => indexes.RestoreAsync(default));
        Assert.Contains("payments.quarter, payments.child_iin", e.Message, StringComparison.Ordinal);
        Assert.NotEqual(before, Schema(db)); // the live payment's index is not there
        await db.Database.ExecuteSqlRawAsync("UPDATE payments SET child_iin = '140315501099' WHERE sequence = 2");
        await indexes.RestoreAsync(default);
        Assert.Equal(before.Select(s => s.Sql).Order(), Schema(db).Select(s => s.Sql).Order());
    }

    [Fact]
    public async Task Every_foreign_key_refers_to_a_primary_key_which_is_never_set_aside()
    {
        // A foreign key to an index made by CREATE INDEX would make SQLite refuse the referring rows while it is set aside.
        using var ws = Initialised();
        await using var db = ws.OpenDb();
        var keys = db.Database.SqlQueryRaw<string>(
            "SELECT m.name || ' -> ' || f.\"table\" || '.' || COALESCE(f.\"to\", '(primary key)') || ' ' || " +
            "COALESCE((SELECT pk FROM pragma_table_info(f.\"table\") WHERE name = f.\"to\"), 1) AS \"Value\" " +
            "FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f WHERE m.type = 'table'").ToList();
        Assert.True(keys.Count >= 8, string.Join("; ", keys));
        Assert.All(keys, k => Assert.EndsWith(" 1", k, StringComparison.Ordinal));
    }

    [Fact]
    public void A_run_whose_batch_is_written_without_the_indexes_makes_the_files_and_rows_of_one_written_with_them()
    {
        var results = new List<(Dictionary<string, string> Files, List<string> Rows, long SchemaChanges)>();
        foreach (var from in new[] { 1, int.MaxValue })
        {
            using var ws = new Workspace("sqlite");
            var rows = Enumerable.Range(1, 6).Select(i => Cases.Row(i)).ToList();
            var recipients = ws.Write("r.csv", Cases.Csv(rows));
            var certificates = ws.Write("c.csv", Cases.Certificates(rows.Take(5).ToList())); // the sixth child is excluded: no certificate
            using (SqliteIndexes.SetAsideFromInThisFlow(from))
                ws.RunOk("run", "--quarter", "2026Q1", "--value-date", "2026-01-20", "--recipients", recipients, "--certificates", certificates);
            using var db = ws.OpenDb();
            var files = Directory.GetFiles(ws.OutDir, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != "release.json")
                .ToDictionary(f => Path.GetRelativePath(ws.OutDir, f), File.ReadAllText);
            results.Add((files, [.. Payments(db), .. db.Exclusions.AsNoTracking().OrderBy(x => x.Id).AsEnumerable().Select(x => $"{x.CaseId} {x.ChildIin} {x.Reasons}")],
                SchemaVersion(db)));
        }
        var (without, with) = (results[0], results[1]);
        // Both imports set the indexes of the empty cases and certificates aside; from 1, the batch's too: more changes of the schema.
        Assert.True(without.SchemaChanges > with.SchemaChanges, $"schema version {without.SchemaChanges} against {with.SchemaChanges}");
        Assert.Equal(6, without.Rows.Count);
        Assert.Contains(without.Rows, r => r.Contains("CERT", StringComparison.Ordinal));
        Assert.Equal(with.Files.Keys.Order(), without.Files.Keys.Order());
        Assert.All(with.Files, f => Assert.Equal(f.Value, without.Files[f.Key]));
        Assert.Equal(with.Rows, without.Rows);
    }
}

using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PayBatch.Core.Domain;
using PayBatch.Core.Persistence;
using PayBatch.Core.Reconciliation;
using PayBatch.Tests.Support;

namespace PayBatch.Tests.Persistence;

/// <summary>
/// An update of most payments' statuses runs with the indexes it would rewrite dropped and made again after it, and an
/// import into an empty table with the indexes besides its key's (<see cref="BulkIndexes"/>), on SQLite and PostgreSQL:
/// the schema afterwards is the schema before, the indexes still refuse what they refused, and a reconcile or a run that
/// takes that way stores what the ordinary way stores.
/// </summary>
public class BulkIndexesTests
{
    private const string Amount = "28112.50";

    private static Workspace Paid(int n, string provider = "sqlite")
    {
        var ws = new Workspace(provider);
        var rows = Enumerable.Range(1, n).Select(i => Cases.Row(i)).ToList();
        ws.RunOk("run", "--quarter", "2026Q1", "--value-date", "2026-01-20",
            "--recipients", ws.Write("r.csv", Cases.Csv(rows)), "--certificates", ws.Write("c.csv", Cases.Certificates(rows)));
        return ws;
    }

    /// <summary>A database with the schema and no row.</summary>
    private static Workspace Initialised(string provider = "sqlite")
    {
        var ws = new Workspace(provider);
        ws.RunOk("init");
        return ws;
    }

    /// <summary>Every table, index and constraint with its definition, as "type name: definition".</summary>
    private static List<(string Name, string Sql)> Schema(PayBatchDb db) =>
        [.. db.Database.SqlQueryRaw<string>(db.Provider == DbProvider.Sqlite
                ? "SELECT type || ' ' || name || ': ' || COALESCE(sql, '') AS \"Value\" FROM sqlite_master ORDER BY type, name"
                : "SELECT 'index ' || indexname || ': ' || indexdef AS \"Value\" FROM pg_indexes WHERE schemaname = current_schema() UNION ALL " +
                  "SELECT 'constraint ' || conrelid::regclass || '.' || conname || ': ' || pg_get_constraintdef(oid) FROM pg_constraint " +
                  "WHERE connamespace = current_schema()::regnamespace ORDER BY 1")
            .AsEnumerable().Select(s => (s[..s.IndexOf(':', StringComparison.Ordinal)], s))];

    /// <summary>What moves when an index is dropped and made again: SQLite's schema version, PostgreSQL's index object ids.</summary>
    private static string SchemaVersion(PayBatchDb db) => db.Database.SqlQueryRaw<string>(db.Provider == DbProvider.Sqlite
        ? "SELECT CAST(schema_version AS TEXT) AS \"Value\" FROM pragma_schema_version"
        : "SELECT string_agg(oid::text, ',' ORDER BY relname) AS \"Value\" FROM pg_class WHERE relkind = 'i' AND relnamespace = current_schema()::regnamespace").Single();

    private static string LockTimeout(PayBatchDb db) => db.Database.SqlQueryRaw<string>("SELECT current_setting('lock_timeout') AS \"Value\"").Single();

    /// <summary>
    /// A unique index refused the rows: SQLite's SQLITE_CONSTRAINT, PostgreSQL's unique_violation (<paramref name="made"/>: as
    /// the index was made again, not as a row was stored).
    /// </summary>
    private static void AssertUniqueRefused(DbException e, string sqliteColumns, string postgresIndex, bool made)
    {
        if (e is PostgresException pg)
        {
            Assert.Equal(PostgresErrorCodes.UniqueViolation, pg.SqlState);
            Assert.Contains(postgresIndex, pg.MessageText + " " + pg.ConstraintName, StringComparison.Ordinal);
            Assert.Equal(made, pg.MessageText.StartsWith("could not create unique index", StringComparison.Ordinal));
            return;
        }
        var sqlite = Assert.IsType<SqliteException>(e);
        Assert.Equal(19, sqlite.SqliteErrorCode); // SQLITE_CONSTRAINT
        Assert.Contains($"UNIQUE constraint failed: {sqliteColumns}", sqlite.Message, StringComparison.Ordinal);
    }

    private static List<string> Payments(PayBatchDb db) =>
        [.. db.Payments.AsNoTracking().OrderBy(p => p.Id).AsEnumerable().Select(p => $"{p.Id} {p.Reference} {p.ChildIin} {p.Status} {p.CreditedOn} {p.StatusReason}")];

    [Fact]
    public async Task Finds_the_two_partial_indexes_whose_condition_names_status()
    {
        using var ws = Paid(1);
        await using var db = ws.OpenDb();
        var found = BulkIndexes.PartialOn(db, "payments", "status");
        Assert.Equal(["IX_payments_replaces_payment_id", "ux_payments_live_child_quarter"], found.Select(f => f.Name));
        Assert.All(found, f => Assert.StartsWith("CREATE UNIQUE INDEX", f.Sql, StringComparison.Ordinal));
        Assert.Empty(BulkIndexes.PartialOn(db, "payments", "reference"));
        Assert.Equal(found, BulkIndexes.ForUpdateOf(db, "payments", "status"));
    }

    [Fact]
    public async Task On_PostgreSQL_an_update_of_status_does_without_every_index_but_the_primary_keys()
    {
        // Each updated row's new version gets an entry in every index: all of them go, but the one the key and the foreign keys need.
        using var ws = Paid(1, "postgres");
        await using var db = ws.OpenDb();
        var found = BulkIndexes.ForUpdateOf(db, "payments", "status");
        Assert.Equal(["IX_payments_batch_id", "IX_payments_reference", "IX_payments_replaces_payment_id", "ux_payments_live_child_quarter"],
            found.Select(f => f.Name));
        Assert.All(found, f => Assert.StartsWith("CREATE ", f.Sql, StringComparison.Ordinal));
        Assert.Contains(found, f => f.Sql.Contains(" WHERE ", StringComparison.Ordinal)); // a partial index keeps its condition
    }

    [Fact]
    public async Task On_PostgreSQL_a_transaction_that_set_aside_one_tables_indexes_keeps_another_tables()
    {
        // Its DROP INDEX holds the first table alone until the commit; holding a second too could deadlock with a reader.
        using var ws = Paid(2, "postgres");
        await using var db = ws.OpenDb();
        await using var tx = await db.Database.BeginTransactionAsync();
        var payments = await BulkIndexes.DropAsync(db, BulkIndexes.AllMade(db, "payments"), default);
        Assert.Empty(BulkIndexes.AllMade(db, "payments"));
        Assert.Equal("0", LockTimeout(db)); // the table taken, the transaction waits for locks as it did
        var exclusions = BulkIndexes.AllMade(db, "exclusions");
        Assert.Equal(["IX_exclusions_batch_id_case_id", "IX_exclusions_quarter"], exclusions.Select(i => i.Name));
        var kept = await BulkIndexes.DropAsync(db, exclusions, default);
        Assert.Equal(exclusions, BulkIndexes.AllMade(db, "exclusions")); // not dropped
        await kept.RestoreAsync(default); // nothing to make
        await payments.RestoreAsync(default);
        // The table it holds may set its indexes aside again (the statuses after the rows).
        var again = await BulkIndexes.DropAsync(db, BulkIndexes.ForUpdateOf(db, "payments", "status"), default);
        Assert.Empty(BulkIndexes.AllMade(db, "payments"));
        await again.RestoreAsync(default);
        await tx.RollbackAsync();
    }

    [Fact]
    public async Task On_PostgreSQL_a_table_another_transaction_holds_keeps_its_indexes_and_the_change_goes_on()
    {
        // An open transaction that read the payments (an idle psql session, a backup) holds them: the change does not wait
        // for it, nor make every later reader queue behind its DROP INDEX.
        using var ws = Paid(2, "postgres");
        await using var reader = ws.OpenDb();
        await using var open = await reader.Database.BeginTransactionAsync();
        Assert.Equal(2, reader.Payments.Count());
        await using var db = ws.OpenDb();
        await using var tx = await db.Database.BeginTransactionAsync();
        var indexes = BulkIndexes.AllMade(db, "payments");
        var kept = await BulkIndexes.DropAsync(db, indexes, default);
        Assert.Equal(indexes, BulkIndexes.AllMade(db, "payments"));
        await kept.RestoreAsync(default);
        Assert.Equal(1, await db.Database.ExecuteSqlRawAsync("UPDATE payments SET status = 'rejected', status_reason = 'AC04' WHERE sequence = 2"));
        Assert.Equal("0", LockTimeout(db)); // the wait's own setting went with it
        await tx.CommitAsync();
        Assert.Equal(2, reader.Payments.Count());
    }

    [Fact]
    public async Task On_PostgreSQL_a_lock_timeout_of_the_users_own_is_the_one_in_force_throughout()
    {
        using var ws = Paid(2, "postgres");
        var own = new NpgsqlConnectionStringBuilder(ws.ConnectionString) { Options = "-c lock_timeout=1500ms" }.ConnectionString;
        await using var db = DbFactory.Create(DbProvider.Postgres, own);
        await using var tx = await db.Database.BeginTransactionAsync();
        Assert.Equal("1500ms", LockTimeout(db));
        var indexes = await BulkIndexes.DropAsync(db, BulkIndexes.AllMade(db, "payments"), default);
        Assert.Empty(BulkIndexes.AllMade(db, "payments")); // taken within its own timeout, and dropped
        Assert.Equal("1500ms", LockTimeout(db));
        await indexes.RestoreAsync(default);
        await tx.RollbackAsync();
    }

    [Fact]
    public async Task On_PostgreSQL_a_role_given_only_the_rows_keeps_every_index_takes_no_lock_and_runs_a_quarter()
    {
        // DROP INDEX is the tables' owner's: a role that may only read and write the rows keeps the indexes, without taking
        // the table alone (it could: UPDATE allows LOCK TABLE), and its run goes on.
        var role = "pb_clerk_" + Guid.NewGuid().ToString("N")[..8];
        var ws = Initialised("postgres");
        try
        {
            try
            {
                await using var owner = ws.OpenDb();
                var before = SchemaVersion(owner);
                // The role's name is made here, never input.
                foreach (var sql in new[]
                {
                    $"CREATE ROLE {role} LOGIN", $"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}",
                    $"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role}",
                })
                    owner.Database.ExecuteSqlRaw(sql);
                var clerk = new NpgsqlConnectionStringBuilder(ws.ConnectionString) { Username = role }.ConnectionString;

                await using (var db = DbFactory.Create(DbProvider.Postgres, clerk))
                {
                    await db.Database.OpenConnectionAsync();
                    await using var tx = await db.Database.BeginTransactionAsync();
                    var pid = db.Database.SqlQueryRaw<int>("SELECT pg_backend_pid() AS \"Value\"").Single();
                    var indexes = BulkIndexes.AllMade(db, "payments");
                    Assert.NotEmpty(indexes);
                    var kept = await BulkIndexes.DropAsync(db, indexes, default);
                    Assert.Equal(indexes, BulkIndexes.AllMade(db, "payments"));
                    Assert.False(owner.Database.SqlQueryRaw<bool>("SELECT EXISTS (SELECT 1 FROM pg_locks WHERE pid = {0} AND relation = 'payments'::regclass " +
                                                                  "AND mode = 'AccessExclusiveLock') AS \"Value\"", pid).Single());
                    Assert.Equal("0", LockTimeout(db));
                    await kept.RestoreAsync(default);
                    await tx.RollbackAsync();
                }

                ws.Environment["PAYBATCH_DATABASE__CONNECTIONSTRING"] = clerk;
                var rows = Enumerable.Range(1, 4).Select(i => Cases.Row(i)).ToList();
                using (BulkIndexes.SetAsideFromInThisFlow(1))
                    ws.RunOk("run", "--quarter", "2026Q1", "--value-date", "2026-01-20",
                        "--recipients", ws.Write("r.csv", Cases.Csv(rows)), "--certificates", ws.Write("c.csv", Cases.Certificates(rows)));
                Assert.Equal(before, SchemaVersion(owner)); // no index made again
                Assert.Equal(4, owner.Payments.Count());
            }
            finally
            {
                ws.Dispose(); // the database, and the role's grants in it, go first
            }
        }
        finally
        {
            await using var admin = new NpgsqlConnection(Providers.PostgresServer);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP ROLE IF EXISTS {role}", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task The_update_runs_without_them_and_the_schema_after_is_the_schema_before(string provider)
    {
        using var ws = Paid(3, provider);
        await using var db = ws.OpenDb();
        var before = Schema(db);
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            var changed = await BulkIndexes.RebuiltAroundAsync(db, "payments", "status", async () =>
            {
                // Inside: the indexes are gone.
                Assert.Empty(BulkIndexes.ForUpdateOf(db, "payments", "status"));
                return await db.Database.ExecuteSqlRawAsync("UPDATE payments SET status = 'rejected', status_reason = 'AC04' WHERE sequence = 2");
            }, default);
            Assert.Equal(1, changed);
            await tx.CommitAsync();
        }
        Assert.Equal(before, Schema(db));
        Assert.Equal(PaymentStatus.Rejected, db.Payments.AsNoTracking().Single(p => p.Sequence == 2).Status);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_second_live_payment_made_by_the_update_fails_it_and_nothing_is_kept(string provider)
    {
        using var ws = Paid(3, provider);
        await using var db = ws.OpenDb();
        var (schema, payments) = (Schema(db), Payments(db));
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            // Payment 2 made the same child's as payment 1: two live payments of one child in 2026Q1.
            var updated = 0;
            var e = await Assert.ThrowsAnyAsync<DbException>(() => BulkIndexes.RebuiltAroundAsync(db, "payments", "status", async () =>
            {
                // Without the indexes the update itself goes through: the refusal comes from creating them again.
                Assert.Empty(BulkIndexes.ForUpdateOf(db, "payments", "status"));
                return updated = await db.Database.ExecuteSqlRawAsync("UPDATE payments SET child_iin = (SELECT child_iin FROM payments WHERE sequence = 1) WHERE sequence = 2");
            }, default));
            Assert.Equal(1, updated);
            AssertUniqueRefused(e, "payments.quarter, payments.child_iin", "ux_payments_live_child_quarter", made: true);
            await tx.RollbackAsync();
        }
        Assert.Equal(schema, Schema(db));
        Assert.Equal(payments, Payments(db));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_reconcile_that_rebuilds_them_stores_what_the_ordinary_one_stores(string provider)
    {
        var bank = "reference,iban,amount,status,credited_on,reason\n" +
                   $"2026Q1-01-000001,,{Amount},credited,2026-01-22,\n2026Q1-01-000002,,{Amount},rejected,,AC04\n2026Q1-01-000003,,{Amount},credited,2026-01-21,\n";
        var results = new List<(List<string> Payments, List<(string, string)> Schema, string Reconciliation, bool Rebuilt)>();
        foreach (var from in new[] { 1, 50_000 })
        {
            using var ws = Paid(4, provider);
            await using var db = ws.OpenDb();
            var version = SchemaVersion(db);
            using var threshold = BulkIndexes.SetAsideFromInThisFlow(from);
            var reconciler = new Reconciler(db, ReferenceData.Load(), ws.Clock, Serilog.Core.Logger.None);
            var outcome = await reconciler.ExecuteAsync([ws.Write("bank.csv", bank)], new DateOnly(2026, 1, 22), ws.OutDir, null, default);
            Assert.Equal(3, outcome.Applied);
            results.Add((Payments(db), Schema(db), File.ReadAllText(ws.Path_("out", "2026Q1", "reconciliation.csv")), SchemaVersion(db) != version));
        }
        var (rebuilt, ordinary) = (results[0], results[1]);
        Assert.True(rebuilt.Rebuilt, "3 of 4 payments from 1: the indexes are made again");
        Assert.False(ordinary.Rebuilt, "3 statuses, below 50,000: the ordinary update");
        Assert.Equal(ordinary.Payments, rebuilt.Payments);
        Assert.Equal(ordinary.Schema, rebuilt.Schema);
        Assert.Equal(ordinary.Reconciliation, rebuilt.Reconciliation);
        Assert.Contains(rebuilt.Payments, p => p.Contains("2026Q1-01-000002", StringComparison.Ordinal) && p.EndsWith("Rejected  AC04", StringComparison.Ordinal));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Outside_a_transaction_nothing_is_dropped(string provider)
    {
        using var ws = Paid(1, provider);
        await using var db = ws.OpenDb();
        var before = Schema(db);
        await Assert.ThrowsAsync<InvalidOperationException>(() => BulkIndexes.RebuiltAroundAsync(db, "payments", "status", () => Task.FromResult(0), default));
        Assert.Equal(before, Schema(db));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Fewer_than_half_of_the_payments_take_the_ordinary_update(string provider)
    {
        using var ws = Paid(3, provider);
        await using var db = ws.OpenDb();
        var version = SchemaVersion(db);
        using var threshold = BulkIndexes.SetAsideFromInThisFlow(1);
        var reconciler = new Reconciler(db, ReferenceData.Load(), ws.Clock, Serilog.Core.Logger.None);
        var bank = $"reference,iban,amount,status,credited_on,reason\n2026Q1-01-000001,,{Amount},credited,2026-01-22,\n";
        var outcome = await reconciler.ExecuteAsync([ws.Write("bank.csv", bank)], new DateOnly(2026, 1, 22), ws.OutDir, null, default);
        Assert.Equal(1, outcome.Applied);
        Assert.Equal(version, SchemaVersion(db));
    }

    private static readonly DateTime Now = new(2026, 1, 20, 9, 30, 0, DateTimeKind.Utc);

    private static CertificateRow Certificate(int i, string school = "Школа") =>
        new() { ChildIin = $"1403155010{i:00}", Quarter = "2026Q1", CertificateNo = $"{i}", IssuedOn = new DateOnly(2026, 1, 10), School = school };

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task An_import_may_set_aside_every_index_but_the_primary_key_and_a_unique_one_on_other_columns_than_its_key(string provider)
    {
        using var ws = Paid(1, provider);
        await using var db = ws.OpenDb();
        Assert.Equal(["IX_cases_child_iin"], BulkIndexes.BesidesKey(db, "cases", ["case_id"]).Select(i => i.Name));
        Assert.Equal(["IX_certificates_quarter_child_iin_certificate_no"],
            BulkIndexes.BesidesKey(db, "certificates", ["child_iin", "quarter", "certificate_no"]).Select(i => i.Name));
        // The live payment of a child and the single replacement are unique on other columns than the reference: they stay.
        Assert.Equal(["IX_payments_batch_id", "IX_payments_reference"], BulkIndexes.BesidesKey(db, "payments", ["reference"]).Select(i => i.Name));
    }

    /// <summary>
    /// Imports certificates <paramref name="numbers"/> in a transaction, running <paramref name="whileInserting"/> (when given) after
    /// the rows are added; completed and committed, or (as a file with a problem) neither and rolled back. (On PostgreSQL the
    /// connection is copying meanwhile: nothing else can use it.)
    /// </summary>
    private static async Task ImportCertificatesAsync(PayBatchDb db, IEnumerable<int> numbers, bool complete, Action? whileInserting = null)
    {
        await using var tx = await db.Database.BeginTransactionAsync();
        await using (var sink = await UpsertSink.OpenAsync<CertificateRow>(db, keepBankDetailHistory: false, Now, default))
        {
            foreach (var i in numbers) await sink.AddAsync(Certificate(i), default);
            whileInserting?.Invoke();
            if (complete) await sink.CompleteAsync(default);
        }
        if (complete) await tx.CommitAsync();
        else await tx.RollbackAsync();
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task An_import_into_an_empty_table_inserts_without_the_index_of_its_key_which_is_there_again_after_it(string provider)
    {
        using var ws = Initialised(provider);
        await using var db = ws.OpenDb();
        var (before, version) = (Schema(db), SchemaVersion(db));
        await ImportCertificatesAsync(db, Enumerable.Range(1, 70), complete: true, // more than a chunk
            db.Provider == DbProvider.Sqlite ? () => Assert.DoesNotContain(Schema(db), s => s.Name == "index IX_certificates_quarter_child_iin_certificate_no") : null);
        Assert.NotEqual(version, SchemaVersion(db)); // dropped and made again
        Assert.Equal(before.Select(s => s.Sql).Order(), Schema(db).Select(s => s.Sql).Order());
        Assert.Equal(70, db.Certificates.Count());
        // The index made again refuses a second certificate of the same number, as before.
        var e = Assert.ThrowsAny<DbException>(() => db.Database.ExecuteSqlRaw(
            "INSERT INTO certificates (child_iin, quarter, certificate_no, issued_on, school) SELECT child_iin, quarter, certificate_no, issued_on, school FROM certificates LIMIT 1"));
        AssertUniqueRefused(e, "certificates.", "IX_certificates_quarter_child_iin_certificate_no", made: false);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task An_import_whose_key_comes_again_makes_the_indexes_before_its_upserts_and_keeps_the_last_row(string provider)
    {
        using var ws = Initialised(provider);
        await using var db = ws.OpenDb();
        var before = Schema(db);
        // Certificate 2 again, with another school: the rows upsert from it on, which needs the key's index made again first.
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await using (var sink = await UpsertSink.OpenAsync<CertificateRow>(db, keepBankDetailHistory: false, Now, default))
            {
                foreach (var c in new[] { Certificate(1), Certificate(2), Certificate(3), Certificate(2, "Лицей"), Certificate(4) })
                    await sink.AddAsync(c, default);
                await sink.CompleteAsync(default);
            }
            await tx.CommitAsync();
        }
        Assert.Equal(before.Select(s => s.Sql).Order(), Schema(db).Select(s => s.Sql).Order());
        Assert.Equal(["1 Школа", "2 Лицей", "3 Школа", "4 Школа"],
            db.Certificates.AsNoTracking().AsEnumerable().Select(c => $"{c.CertificateNo} {c.School}").Order(StringComparer.Ordinal));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task An_import_that_fails_while_inserting_leaves_the_indexes_as_they_were(string provider)
    {
        using var ws = Initialised(provider);
        await using var db = ws.OpenDb();
        var before = Schema(db);
        // PostgreSQL: the copying connection holds the table alone (its DROP INDEX), as another connection sees in pg_locks.
        db.Database.OpenConnection(); // one connection throughout: its backend's pid stays
        var pid = db.Provider == DbProvider.Postgres ? db.Database.SqlQueryRaw<int>("SELECT pg_backend_pid() AS \"Value\"").Single() : 0;
        await ImportCertificatesAsync(db, [1, 2, 3], complete: false, db.Provider == DbProvider.Sqlite
            ? () => Assert.NotEqual(before, Schema(db))
            : () =>
            {
                using var other = ws.OpenDb();
                Assert.True(other.Database.SqlQueryRaw<bool>("SELECT EXISTS (SELECT 1 FROM pg_locks WHERE pid = {0} AND relation = 'certificates'::regclass " +
                                                             "AND mode = 'AccessExclusiveLock' AND granted) AS \"Value\"", pid).Single());
            });
        Assert.Equal(before, Schema(db));
        Assert.Equal(0, db.Certificates.Count());
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task An_import_into_a_table_with_rows_keeps_every_index(string provider)
    {
        using var ws = Paid(2, provider);
        await using var db = ws.OpenDb();
        var version = SchemaVersion(db);
        await ImportCertificatesAsync(db, [9], complete: true, db.Provider == DbProvider.Sqlite ? () => Assert.Equal(version, SchemaVersion(db)) : null);
        Assert.Equal(version, SchemaVersion(db));
        Assert.Equal(3, db.Certificates.Count());
    }

    /// <summary>Writes payments of the children <paramref name="children"/> (by number) into the next batch of 2026Q1; whether the indexes were made again.</summary>
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
        using var threshold = BulkIndexes.SetAsideFromInThisFlow(setAsideFrom);
        await RowWriter<PaymentRow>.WriteAsync(db, payments, p => new PaymentRow
        {
            BatchId = batch.Id, Reference = $"2026Q1-{number:00}-{p.Sequence:000000}", Quarter = "2026Q1", Sequence = p.Sequence, CaseId = $"C-{p.Child}",
            District = "Алмалинский", ChildIin = $"1403155010{p.Child:00}", ApplicantIin = "880101300123", ApplicantName = "Әбдірова",
            Iban = "KZ86125KZT5004100100", Bic = "KCJBKZKX", AmountTiyn = 2811250, Status = PaymentStatus.Issued,
        }, default);
        return SchemaVersion(db) != version;
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Payments_written_with_the_indexes_set_aside_are_those_written_with_them_and_the_schema_after_is_the_schema_before(string provider)
    {
        var results = new List<(List<string> Payments, List<string> Schema, bool SetAside)>();
        foreach (var from in new[] { 1, int.MaxValue })
        {
            using var ws = Initialised(provider);
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
        Assert.True(results[0].SetAside, "3 payments into an empty table, from 1: the indexes are set aside (and made again)");
        Assert.False(results[1].SetAside, "below the threshold: written with the indexes");
        Assert.Equal(results[1].Payments, results[0].Payments);
        Assert.Equal(3, results[0].Payments.Count);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_second_live_payment_of_a_child_among_payments_written_without_the_indexes_fails_them_and_nothing_is_kept(string provider)
    {
        using var ws = Initialised(provider);
        await using var db = ws.OpenDb();
        var schema = Schema(db);
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            // Children 1, 2 and 1 again, each payment its own reference: the live payment's index, made again after the rows, refuses them.
            var e = await Assert.ThrowsAnyAsync<DbException>(() => WritePaymentsAsync(db, [1, 2, 1], setAsideFrom: 1));
            AssertUniqueRefused(e, "payments.quarter, payments.child_iin", "ux_payments_live_child_quarter", made: true);
            await tx.RollbackAsync();
        }
        Assert.Equal(schema, Schema(db));
        Assert.Empty(Payments(db));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Fewer_payments_than_the_table_holds_are_written_with_its_indexes(string provider)
    {
        using var ws = Paid(3, provider);
        await using var db = ws.OpenDb();
        await using var tx = await db.Database.BeginTransactionAsync();
        Assert.False(await WritePaymentsAsync(db, [7, 8], setAsideFrom: 1));
        Assert.True(await WritePaymentsAsync(db, [9, 10, 11, 12, 13], setAsideFrom: 1)); // 5 new against 5 held
    }

    [Fact]
    public async Task An_index_that_could_not_be_made_again_is_tried_again_by_the_next_restore()
    {
        // SQLite only: after a failed statement PostgreSQL's transaction takes nothing more but its rollback.
        using var ws = Paid(2);
        await using var db = ws.OpenDb();
        var before = Schema(db);
        await using var tx = await db.Database.BeginTransactionAsync();
        var indexes = await BulkIndexes.DropAsync(db, BulkIndexes.AllMade(db, "payments"), default);
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
        // (PostgreSQL: an index a constraint relies on is never among those set aside, which the tests above hold by name.)
        using var ws = Initialised();
        await using var db = ws.OpenDb();
        var keys = db.Database.SqlQueryRaw<string>(
            "SELECT m.name || ' -> ' || f.\"table\" || '.' || COALESCE(f.\"to\", '(primary key)') || ' ' || " +
            "COALESCE((SELECT pk FROM pragma_table_info(f.\"table\") WHERE name = f.\"to\"), 1) AS \"Value\" " +
            "FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f WHERE m.type = 'table'").ToList();
        Assert.True(keys.Count >= 8, string.Join("; ", keys));
        Assert.All(keys, k => Assert.EndsWith(" 1", k, StringComparison.Ordinal));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public void A_run_whose_batch_is_written_without_the_indexes_makes_the_files_and_rows_of_one_written_with_them(string provider)
    {
        var results = new List<(Dictionary<string, string> Files, List<string> Rows, string Indexes, bool PaymentsIndexMadeLast)>();
        foreach (var from in new[] { 1, int.MaxValue })
        {
            using var ws = new Workspace(provider);
            var rows = Enumerable.Range(1, 6).Select(i => Cases.Row(i)).ToList();
            var recipients = ws.Write("r.csv", Cases.Csv(rows));
            var certificates = ws.Write("c.csv", Cases.Certificates(rows.Take(5).ToList())); // the sixth child is excluded: no certificate
            using (BulkIndexes.SetAsideFromInThisFlow(from))
                ws.RunOk("run", "--quarter", "2026Q1", "--value-date", "2026-01-20", "--recipients", recipients, "--certificates", certificates);
            using var db = ws.OpenDb();
            var files = Directory.GetFiles(ws.OutDir, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != "release.json")
                .ToDictionary(f => Path.GetRelativePath(ws.OutDir, f), File.ReadAllText);
            // PostgreSQL: an index made again by the run has a newer object id than every table the schema made.
            var madeLast = provider == "postgres" && db.Database.SqlQueryRaw<bool>(
                "SELECT (SELECT oid FROM pg_class WHERE relname = 'IX_payments_reference' AND relnamespace = current_schema()::regnamespace) > " +
                "(SELECT max(oid) FROM pg_class WHERE relkind = 'r' AND relnamespace = current_schema()::regnamespace) AS \"Value\"").Single();
            results.Add((files, [.. Payments(db), .. db.Exclusions.AsNoTracking().OrderBy(x => x.Id).AsEnumerable().Select(x => $"{x.CaseId} {x.ChildIin} {x.Reasons}")],
                SchemaVersion(db), madeLast));
        }
        var (without, with) = (results[0], results[1]);
        if (provider == "sqlite") // both imports set the indexes of the empty cases and certificates aside; from 1, the batch's too: more changes of the schema
            Assert.True(long.Parse(without.Indexes, CultureInfo.InvariantCulture) > long.Parse(with.Indexes, CultureInfo.InvariantCulture), $"schema version {without.Indexes} against {with.Indexes}");
        else
            Assert.True(without.PaymentsIndexMadeLast && !with.PaymentsIndexMadeLast, "from 1 the run made the payments' indexes again; from the most, the schema's stayed");
        Assert.Equal(6, without.Rows.Count);
        Assert.Contains(without.Rows, r => r.Contains("CERT", StringComparison.Ordinal));
        Assert.Equal(with.Files.Keys.Order(), without.Files.Keys.Order());
        Assert.All(with.Files, f => Assert.Equal(f.Value, without.Files[f.Key]));
        Assert.Equal(with.Rows, without.Rows);
    }
}

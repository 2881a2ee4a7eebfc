using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PayBatch.Core.Domain;
using PayBatch.Core.Persistence;
using PayBatch.Core.Reconciliation;
using PayBatch.Tests.Support;

namespace PayBatch.Tests.Persistence;

/// <summary>
/// SQLite's update of most payments' statuses runs with the partial indexes on status dropped and made again after it
/// (<see cref="SqlitePartialIndexes"/>): the schema afterwards is the schema before, the indexes still refuse a second
/// live payment, and a reconcile that takes that way stores what the ordinary way stores.
/// </summary>
public class SqlitePartialIndexesTests
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
        var found = SqlitePartialIndexes.On(db, "payments", "status");
        Assert.Equal(["IX_payments_replaces_payment_id", "ux_payments_live_child_quarter"], found.Select(f => f.Name));
        Assert.All(found, f => Assert.StartsWith("CREATE UNIQUE INDEX", f.Sql, StringComparison.Ordinal));
        Assert.Empty(SqlitePartialIndexes.On(db, "payments", "reference"));
    }

    [Fact]
    public async Task The_update_runs_without_them_and_the_schema_after_is_the_schema_before()
    {
        using var ws = Paid(3);
        await using var db = ws.OpenDb();
        var before = Schema(db);
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            var changed = await SqlitePartialIndexes.RebuiltAroundAsync(db, "payments", "status", async () =>
            {
                // Inside: the indexes are gone.
                Assert.Empty(SqlitePartialIndexes.On(db, "payments", "status"));
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
            var e = await Assert.ThrowsAsync<SqliteException>(() => SqlitePartialIndexes.RebuiltAroundAsync(db, "payments", "status", async () =>
            {
                // Without the indexes the update itself goes through: the refusal comes from creating them again.
                Assert.Empty(SqlitePartialIndexes.On(db, "payments", "status"));
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
            var reconciler = new Reconciler(db, ReferenceData.Load(), ws.Clock, Serilog.Core.Logger.None) { RebuildIndexesFrom = from };
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
        await Assert.ThrowsAsync<InvalidOperationException>(() => SqlitePartialIndexes.RebuiltAroundAsync(db, "payments", "status", () => Task.FromResult(0), default));
        Assert.Equal(before, Schema(db));
    }

    [Fact]
    public async Task Fewer_than_half_of_the_payments_take_the_ordinary_update()
    {
        using var ws = Paid(3);
        await using var db = ws.OpenDb();
        var version = SchemaVersion(db);
        var reconciler = new Reconciler(db, ReferenceData.Load(), ws.Clock, Serilog.Core.Logger.None) { RebuildIndexesFrom = 1 };
        var bank = $"reference,iban,amount,status,credited_on,reason\n2026Q1-01-000001,,{Amount},credited,2026-01-22,\n";
        var outcome = await reconciler.ExecuteAsync([ws.Write("bank.csv", bank)], new DateOnly(2026, 1, 22), ws.OutDir, null, default);
        Assert.Equal(1, outcome.Applied);
        Assert.Equal(version, SchemaVersion(db));
    }
}

using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PayBatch.Core.Persistence;
using PayBatch.Tests.Support;

namespace PayBatch.Tests.Persistence;

/// <summary>
/// SQLite's bulk path: rows a chunk at a time through the paybatch_rows virtual table. What it stores must be what a
/// bound parameter stores, across chunk boundaries, and a failed chunk must leave nothing once its transaction rolls back.
/// </summary>
public class SqliteRowFeedTests
{
    private static readonly string[] Columns = ["n", "s", "e", "z"];

    private static (Workspace Ws, PayBatchDb Db, SqliteConnection Connection) Open(string table)
    {
        var ws = new Workspace("sqlite");
        ws.RunOk("init");
        var db = ws.OpenDb();
        db.Database.OpenConnection();
        db.Database.ExecuteSqlRaw(table);
        return (ws, db, (SqliteConnection)db.Database.GetDbConnection());
    }

    private static object?[] Row(int i) => [(long)i, Encoding.UTF8.GetBytes($"Әбдіров {i}"), Array.Empty<byte>(), null];

    [Fact]
    public void Every_kind_of_value_is_stored_as_a_bound_parameter_stores_it_in_order_across_chunks()
    {
        var (ws, db, connection) = Open("CREATE TEMP TABLE t (n INTEGER, s TEXT, e TEXT, z TEXT)");
        using (ws)
        using (db)
        {
            var count = (SqliteRowFeed.ChunkRows * 2) + 7; // two whole chunks and a part
            using (var tx = db.Database.BeginTransaction())
            {
                using var feed = new SqliteRowFeed(connection, "t", Columns);
                for (var i = 0; i < count; i++) feed.Add(Row(i));
                feed.Flush();
                tx.Commit();
            }
            using var read = connection.CreateCommand();
            read.CommandText = "SELECT n, typeof(n), s, e, typeof(e), typeof(z) FROM t ORDER BY rowid";
            using var r = read.ExecuteReader();
            var i2 = 0;
            for (; r.Read(); i2++)
            {
                Assert.Equal((i2, "integer"), (r.GetInt32(0), r.GetString(1)));
                Assert.Equal($"Әбдіров {i2}", r.GetString(2));
                Assert.Equal(("", "text", "null"), (r.GetString(3), r.GetString(4), r.GetString(5))); // an empty text is not a null
            }
            Assert.Equal(count, i2);
        }
    }

    [Fact]
    public void A_row_that_breaks_a_constraint_fails_its_chunk_and_the_rollback_keeps_nothing()
    {
        var (ws, db, connection) = Open("CREATE TEMP TABLE t (n INTEGER UNIQUE, s TEXT, e TEXT, z TEXT)");
        using (ws)
        using (db)
        {
            using (var tx = db.Database.BeginTransaction())
            {
                using var feed = new SqliteRowFeed(connection, "t", Columns);
                var e = Assert.Throws<SqliteException>(() =>
                {
                    for (var i = 0; i < SqliteRowFeed.ChunkRows * 3; i++) feed.Add(Row(i == SqliteRowFeed.ChunkRows + 10 ? 3 : i));
                    feed.Flush();
                });
                Assert.Equal(19, e.SqliteErrorCode); // SQLITE_CONSTRAINT
                Assert.Contains("UNIQUE", e.Message, StringComparison.Ordinal);
            }
            using var count = connection.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM t";
            Assert.Equal(0L, count.ExecuteScalar());
        }
    }

    [Fact]
    public void Rows_are_fed_only_inside_a_transaction()
    {
        var (ws, db, connection) = Open("CREATE TEMP TABLE t (n INTEGER, s TEXT, e TEXT, z TEXT)");
        using (ws)
        using (db)
        {
            var e = Assert.Throws<InvalidOperationException>(() => new SqliteRowFeed(connection, "t", Columns));
            Assert.Contains("transaction", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_update_sets_each_fed_rows_values_on_the_row_it_names_while_its_guard_holds_across_chunks_and_counts_them()
    {
        var (ws, db, connection) = Open("CREATE TEMP TABLE t (id INTEGER PRIMARY KEY, status TEXT, on_date TEXT, reason TEXT)");
        using (ws)
        using (db)
        {
            var count = (SqliteRowFeed.ChunkRows * 2) + 7;
            using (var fill = connection.CreateCommand())
            {
                // Every third row is no longer 'issued' (another process got there first); every fifth is not fed at all.
                fill.CommandText = $"WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {count - 1}) " +
                                   "INSERT INTO t SELECT i, CASE WHEN i % 3 = 0 THEN 'rejected' ELSE 'issued' END, NULL, 'old' FROM n";
                fill.ExecuteNonQuery();
            }
            Column[] columns = [new("id", ColumnType.Long), new("status", ColumnType.Text), new("on_date", ColumnType.Date), new("reason", ColumnType.Text), new("was", ColumnType.Text)];
            var encoder = new SqliteRowFeed.Encoder(columns);
            static DateOnly Date(int i) => new DateOnly(2026, 1, 1).AddDays(i % 28);
            static string? Reason(int i) => i % 2 == 0 ? null : $"reason {i}"; // a null is set as a null
            var fed = Enumerable.Range(0, count).Where(i => i % 5 != 0).Reverse().ToList(); // not in the key's order
            long changes;
            using (var tx = db.Database.BeginTransaction())
            {
                using var feed = SqliteRowFeed.Update(connection, "t", "id", ["status", "on_date", "reason"], "status");
                using (var plan = connection.CreateCommand())
                {
                    plan.CommandText = "EXPLAIN QUERY PLAN " + feed.Sql;
                    using var r = plan.ExecuteReader();
                    var steps = new List<string>();
                    while (r.Read()) steps.Add(r.GetString(3));
                    // Each fed row finds its row by the key; a scan of the table per chunk would be a million rows each.
                    Assert.Contains(steps, s => s.Contains("SEARCH t USING INTEGER PRIMARY KEY", StringComparison.Ordinal));
                    Assert.DoesNotContain(steps, s => s.StartsWith("SCAN t", StringComparison.Ordinal));
                }
                foreach (var i in fed) feed.Add(encoder.Bindable([(long)i, $"credited {i}", Date(i), Reason(i), "issued"]));
                feed.Flush();
                changes = feed.Changes;
                tx.Commit();
            }
            static bool Updated(int i) => i % 3 != 0 && i % 5 != 0;
            Assert.Equal(Enumerable.Range(0, count).Count(Updated), changes);
            using var read = connection.CreateCommand();
            read.CommandText = "SELECT id, status, on_date, typeof(on_date), reason FROM t ORDER BY id";
            using var rows = read.ExecuteReader();
            var n = 0;
            for (; rows.Read(); n++)
            {
                Assert.Equal(n, rows.GetInt32(0));
                if (Updated(n))
                {
                    Assert.Equal(($"credited {n}", Date(n).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "text", Reason(n)),
                        (rows.GetString(1), rows.GetString(2), rows.GetString(3), rows.IsDBNull(4) ? null : rows.GetString(4)));
                }
                else
                {
                    Assert.Equal((n % 3 == 0 ? "rejected" : "issued", true, "old"), (rows.GetString(1), rows.IsDBNull(2), rows.GetString(4)));
                }
            }
            Assert.Equal(count, n);
        }
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public void A_certificate_repeated_in_the_first_file_is_kept_once_with_its_last_row(string provider)
    {
        // Into an empty table SQLite's rows only insert until a key comes again; from it on they upsert.
        using var ws = new Workspace(provider);
        const string header = "child_iin,quarter,certificate_no,issued_on,school\n";
        var file = header + "140315501021,2026Q1,7,2026-01-10,Школа 1\n" + "150415501022,2026Q1,8,2026-01-11,Школа 2\n" +
                   "140315501021,2026Q1,7,2026-01-12,Школа 3\n" + "160515501023,2026Q1,9,2026-01-13,Школа 4\n";
        ws.RunOk("import", "certificates", ws.Write("c.csv", file));
        using var db = ws.OpenDb();
        var kept = db.Certificates.AsNoTracking().OrderBy(c => c.CertificateNo).Select(c => new { c.CertificateNo, c.IssuedOn, c.School }).ToList();
        Assert.Equal(["7", "8", "9"], kept.Select(c => c.CertificateNo));
        Assert.Equal((new DateOnly(2026, 1, 12), "Школа 3"), (kept[0].IssuedOn, kept[0].School));
    }

    [Fact]
    public void The_encoder_hands_a_value_equal_to_the_row_befores_as_the_same_bytes_and_any_other_anew()
    {
        Column[] columns = [new("s", ColumnType.Text), new("d", ColumnType.Date), new("t", ColumnType.TimestampUtc), new("n", ColumnType.Long)];
        var encoder = new SqliteRowFeed.Encoder(columns);
        var (d1, d2) = (new DateOnly(2026, 1, 22), new DateOnly(2026, 1, 23));
        var t = new DateTime(2026, 1, 20, 9, 30, 0, DateTimeKind.Utc);
        object?[][] rows =
        [
            ["Әбдіров", d1, t, 1L], [new string("Әбдіров".ToCharArray()), d1, t, 2L], [null, d2, t.AddTicks(1), 3L], ["Әбдіров", d1, t, 4L], ["B", d1, t, 5L],
        ];
        var encoded = rows.Select(r => encoder.Bindable([.. r])).ToList();
        static string? Text(object? v) => v is null ? null : Encoding.UTF8.GetString((byte[])v);
        Assert.Equal(["Әбдіров", "Әбдіров", null, "Әбдіров", "B"], encoded.Select(e => Text(e[0])));
        Assert.Equal(["2026-01-22", "2026-01-22", "2026-01-23", "2026-01-22", "2026-01-22"], encoded.Select(e => Text(e[1])));
        Assert.Equal(["2026-01-20 09:30:00", "2026-01-20 09:30:00", "2026-01-20 09:30:00.0000001", "2026-01-20 09:30:00", "2026-01-20 09:30:00"],
            encoded.Select(e => Text(e[2])));
        Assert.Equal([1L, 2L, 3L, 4L, 5L], encoded.Select(e => (long)e[3]!));
        Assert.Same(encoded[0][0], encoded[1][0]); // an equal text (another string) as the same bytes
        Assert.Same(encoded[0][0], encoded[3][0]); // a null between changes nothing
        Assert.NotSame(encoded[1][1], encoded[2][1]);
        Assert.NotSame(encoded[2][1], encoded[3][1]); // back to the first date: encoded anew
    }
}

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
}

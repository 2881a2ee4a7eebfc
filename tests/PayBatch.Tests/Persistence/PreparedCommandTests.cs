using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PayBatch.Core.Persistence;

namespace PayBatch.Tests.Persistence;

/// <summary>
/// A prepared command (SQL Server's path for many rows) types each value itself: run here on SQLite, the provider the
/// tests have, what it stores must be exactly what the provider stores for the same values, or EF would read dates back
/// differently.
/// </summary>
public class PreparedCommandTests
{
    [Fact]
    public async Task Sqlite_values_are_stored_as_Microsoft_Data_Sqlite_stores_them()
    {
        await using var db = DbFactory.Create(DbProvider.Sqlite, "Data Source=:memory:");
        await db.Database.OpenConnectionAsync();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.ExecuteSqlRawAsync("CREATE TABLE t (k TEXT, s TEXT, n INTEGER, i INTEGER, d TEXT, ts TEXT, z TEXT)");
        var at = new DateTime(2026, 1, 19, 9, 30, 15, 123, DateTimeKind.Utc).AddTicks(4567);

        using (var insert = new PreparedCommand(db, "INSERT INTO t VALUES (@k, @s, @n, @i, @d, @ts, @z)", "k", "s", "n", "i", "d", "ts", "z"))
        {
            var changed = await insert.Set("k", "prepared").Set("s", "Әлия Қасымова").Set("n", 12_345_678_901L).Set("i", 7)
                .Set("d", new DateOnly(2026, 3, 31)).Set("ts", at).Set("z", (string?)null).ExecuteAsync(CancellationToken.None);
            Assert.Equal(1, changed);
        }
        await using (var plain = connection.CreateCommand())
        {
            plain.CommandText = "INSERT INTO t VALUES ('plain', @s, @n, @i, @d, @ts, @z)";
            plain.Parameters.AddWithValue("@s", "Әлия Қасымова");
            plain.Parameters.AddWithValue("@n", 12_345_678_901L);
            plain.Parameters.AddWithValue("@i", 7);
            plain.Parameters.AddWithValue("@d", new DateOnly(2026, 3, 31));
            plain.Parameters.AddWithValue("@ts", at);
            plain.Parameters.AddWithValue("@z", DBNull.Value);
            await plain.ExecuteNonQueryAsync();
        }

        var rows = new Dictionary<string, string>();
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT k, typeof(s) || ':' || s || '|' || typeof(n) || ':' || n || '|' || typeof(i) || ':' || i || '|' || " +
                               "typeof(d) || ':' || d || '|' || typeof(ts) || ':' || ts || '|' || typeof(z) FROM t";
            await using var r = await read.ExecuteReaderAsync();
            while (await r.ReadAsync()) rows[r.GetString(0)] = r.GetString(1);
        }
        Assert.Equal(rows["plain"], rows["prepared"]);
        Assert.Contains("text:2026-03-31", rows["prepared"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_constraint_the_Sqlite_statement_breaks_is_a_SqliteException_and_the_statement_runs_again()
    {
        await using var db = DbFactory.Create(DbProvider.Sqlite, "Data Source=:memory:");
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("CREATE TABLE u (k TEXT PRIMARY KEY)");
        using var insert = new PreparedCommand(db, "INSERT INTO u VALUES (@k)", "k");
        await insert.Set("k", "a").ExecuteAsync(CancellationToken.None);

        var e = await Assert.ThrowsAsync<SqliteException>(() => insert.Set("k", "a").ExecuteAsync(CancellationToken.None));
        Assert.Equal(19, e.SqliteErrorCode); // SQLITE_CONSTRAINT: said as such by the command runner
        Assert.Equal(1, await insert.Set("k", "b").ExecuteAsync(CancellationToken.None));
    }
}

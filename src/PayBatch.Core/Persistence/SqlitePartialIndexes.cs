using Microsoft.EntityFrameworkCore;

namespace PayBatch.Core.Persistence;

/// <summary>
/// SQLite: an UPDATE that sets a column named in a partial index's condition deletes and re-inserts each row's entry in
/// that index, even when its key and its membership stay the same. Reconcile's statuses are such an update: at a million
/// payments, 5 of its 8 seconds go to the two partial indexes on <c>status</c> (the live payment of a child, the single
/// replacement of a payment). For an update of most of a table, dropping those indexes and creating them again afterwards
/// is cheaper. It happens only inside the caller's transaction, from the indexes' own stored SQL: the CREATE statements
/// in the schema after the commit are those before (the indexes get new pages and a new place in sqlite_master; ANALYZE
/// statistics of them would go, and the program never gathers any). CREATE UNIQUE INDEX checks the rows as they end up:
/// a second live payment of a child fails the transaction and nothing of it is kept. No other connection sees the table
/// without them: SQLite lets one writer change the schema at a time, and readers see it only once committed.
/// </summary>
internal static class SqlitePartialIndexes
{
    /// <summary>Runs <paramref name="update"/> with <paramref name="table"/>'s partial indexes whose condition names <paramref name="column"/> dropped, then creates them again.</summary>
    public static async Task<T> RebuiltAroundAsync<T>(PayBatchDb db, string table, string column, Func<Task<T>> update, CancellationToken ct)
    {
        // Outside a transaction each DROP would be kept at once, and a failure after it would leave the table without the rule.
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("partial indexes are made again only inside a transaction");
        var indexes = On(db, table, column);
        foreach (var (name, _) in indexes)
        {
            var drop = $"DROP INDEX \"{name}\""; // a name from the schema, never input
            await db.Database.ExecuteSqlRawAsync(drop, ct).ConfigureAwait(false);
        }
        var result = await update().ConfigureAwait(false);
        foreach (var (_, sql) in indexes) await db.Database.ExecuteSqlRawAsync(sql, ct).ConfigureAwait(false);
        return result;
    }

    /// <summary>The partial indexes of <paramref name="table"/> whose condition names <paramref name="column"/>: name and CREATE statement.</summary>
    public static IReadOnlyList<(string Name, string Sql)> On(PayBatchDb db, string table, string column) =>
        PlainReads.Read(db, "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = @table AND sql IS NOT NULL ORDER BY name",
                r => (Name: r.GetString(0), Sql: r.GetString(1)), ("table", table))
            .Where(i => i.Sql.IndexOf(" WHERE ", StringComparison.OrdinalIgnoreCase) is var where and >= 0
                        && i.Sql.IndexOf($"\"{column}\"", where, StringComparison.Ordinal) >= 0)
            .ToList();
}

using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace PayBatch.Core.Persistence;

/// <summary>
/// Some of a table's indexes set aside for a bulk change and made again after it, when that costs less than keeping them up
/// to date row by row (SQLite and PostgreSQL):
/// <list type="bullet">
/// <item>An UPDATE that sets a column named in a partial index's condition deletes and re-inserts each row's entry in that
/// index, even when its key and its membership stay the same; PostgreSQL's update of a row, which writes a new version of
/// it, puts a new entry in every index. Reconcile's statuses are such an update: at a million payments, SQLite spent 5 of
/// its 8 seconds on the two partial indexes on <c>status</c>, PostgreSQL 10 of 18 on the four besides the key
/// (<see cref="ForUpdateOf"/>).</item>
/// <item>An import into an empty table puts each row's entry at its place in each index, for most keys a random place; an
/// index made after the rows sorts them once (a million cases' child IINs on SQLite: 1.0–1.4 s to make, 2.8–3.3 s less to
/// import; <see cref="BesidesKey"/>).</item>
/// <item>A run's payments, likewise (the live payment of a child on SQLite: 1.8 s to make, 3.6 s less to store;
/// <see cref="AllMade"/>). Their foreign keys make SQLite keep a statement journal of every page each chunk changes, and the
/// index's pages are most of them.</item>
/// </list>
/// An update or a run's rows only when they are many (<see cref="From"/>) and also most of the table's: making an index reads
/// the whole table. An import only into an empty table, of any size: its few rows' indexes are made in no time.
/// An index that backs a constraint (a primary key's; on PostgreSQL any a foreign key refers to) always stays.
/// It happens only inside the caller's transaction, from the indexes' own stored SQL (SQLite's <c>sqlite_master</c>,
/// PostgreSQL's <c>pg_get_indexdef</c>): the indexes after the commit are those the schema made, with new pages (what
/// the statement does not carry goes: SQLite's ANALYZE statistics, PostgreSQL's tablespace, comments or CLUSTER mark of an
/// index, none of which the program makes or uses). CREATE UNIQUE INDEX checks the rows as they end up: a
/// second live payment of a child fails it, and the caller, as every caller here does on any failure, rolls the transaction
/// back, which keeps nothing of it and brings the indexes back as they were. No other connection sees the table without
/// them: SQLite lets one writer change the schema at a time, and readers see it only once committed. On PostgreSQL the
/// DROP INDEX holds the table alone until the commit: another connection's read of it waits meanwhile (a first quarter's
/// run of a million: its batch's storing, about 10 s), so the table is taken only if it can be within
/// <see cref="LockWait"/>, by a user that owns it, and one table at most per transaction (<see cref="DropOnPostgresAsync"/>).
/// </summary>
internal sealed class BulkIndexes
{
    /// <summary>From how many rows a change sets indexes aside, when they are also most of the table's.</summary>
    public const int From = 50_000;

    private static readonly AsyncLocal<int?> FromInTest = new();

    /// <summary><see cref="From"/>, or what a test set for the calls it makes (<see cref="SetAsideFromInThisFlow"/>).</summary>
    internal static int SetAsideFrom => FromInTest.Value ?? From;

    /// <summary>For a test: <see cref="SetAsideFrom"/> is <paramref name="from"/> for what this flow calls until the result is disposed.</summary>
    internal static IDisposable SetAsideFromInThisFlow(int from)
    {
        var before = FromInTest.Value;
        FromInTest.Value = from;
        return new Reset(before);
    }

    private sealed class Reset(int? before) : IDisposable
    {
        public void Dispose() => FromInTest.Value = before;
    }

    private readonly PayBatchDb _db;
    private readonly Queue<(string Name, string Sql)> _dropped;

    private BulkIndexes(PayBatchDb db, IEnumerable<(string Name, string Sql)> dropped) => (_db, _dropped) = (db, new(dropped));

    /// <summary>Drops <paramref name="indexes"/> (as <see cref="PartialOn"/>, <see cref="BesidesKey"/> or <see cref="AllMade"/> give them) until <see cref="RestoreAsync"/>.</summary>
    public static async Task<BulkIndexes> DropAsync(PayBatchDb db, IReadOnlyList<(string Name, string Sql)> indexes, CancellationToken ct)
    {
        // Outside a transaction each DROP would be kept at once, and a failure after it would leave the table without the rule.
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("indexes are set aside only inside a transaction");
        if (indexes.Count == 0) return new BulkIndexes(db, []);
        if (db.Provider == DbProvider.Postgres) return await DropOnPostgresAsync(db, indexes, ct).ConfigureAwait(false);
        await DropEachAsync(db, indexes, ct).ConfigureAwait(false);
        return new BulkIndexes(db, indexes);
    }

    private static async Task DropEachAsync(PayBatchDb db, IReadOnlyList<(string Name, string Sql)> indexes, CancellationToken ct)
    {
        foreach (var (name, _) in indexes)
        {
            // A name from the schema, never input; on PostgreSQL found by the search path, as its table was (Created).
            var drop = $"DROP INDEX {Quoted(name)}";
            await db.Database.ExecuteSqlRawAsync(drop, ct).ConfigureAwait(false);
        }
    }

    private static string Quoted(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    /// <summary>How long PostgreSQL waits for the table before the indexes stay where they are.</summary>
    private const string LockWait = "2s";

    /// <summary>
    /// PostgreSQL: drops the indexes only when this transaction holds no other table alone (<see cref="HoldsAnotherTable"/>),
    /// its user may drop them (a role of the tables' owner: one given only the rows keeps them, and takes no lock), and it
    /// takes their table alone, as DROP INDEX does, within <see cref="LockWait"/> (or the user's own lock timeout). Else
    /// nothing is dropped and the change goes slower: neither it nor the readers that would queue behind its DROP INDEX wait
    /// for a reader's statement or an open transaction.
    /// </summary>
    private static async Task<BulkIndexes> DropOnPostgresAsync(PayBatchDb db, IReadOnlyList<(string Name, string Sql)> indexes, CancellationToken ct)
    {
        if (HoldsAnotherTable(db, indexes[0].Name)) return new BulkIndexes(db, []);
        // The table, quoted as it needs (never input), whether this user may drop its indexes (its owner's role), and the
        // lock timeout in force: a user's own is kept, and is what the transaction has again after.
        var (table, owned, timeout) = PlainReads.Read(db, "SELECT x.indrelid::regclass::text, pg_has_role(c.relowner, 'USAGE'), current_setting('lock_timeout') " +
                                                          "FROM pg_index x JOIN pg_class c ON c.oid = x.indrelid WHERE x.indexrelid = to_regclass(@index)",
            r => (r.GetString(0), r.GetBoolean(1), r.GetString(2)), ("index", Quoted(indexes[0].Name))).Single();
        if (!owned) return new BulkIndexes(db, []);
        var tx = db.Database.CurrentTransaction!;
        const string savepoint = "paybatch_set_aside";
        await tx.CreateSavepointAsync(savepoint, ct).ConfigureAwait(false);
        try
        {
            // set_config(…, true) lasts until the transaction ends: the timeout in force again once the table is held.
            if (timeout == "0") await SetLockTimeoutAsync(db, LockWait, ct).ConfigureAwait(false);
            var take = $"LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE";
            await db.Database.ExecuteSqlRawAsync(take, ct).ConfigureAwait(false);
            if (timeout == "0") await SetLockTimeoutAsync(db, timeout, ct).ConfigureAwait(false);
            await DropEachAsync(db, indexes, ct).ConfigureAwait(false);
            await tx.ReleaseSavepointAsync(savepoint, ct).ConfigureAwait(false);
            return new BulkIndexes(db, indexes);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.LockNotAvailable or PostgresErrorCodes.InsufficientPrivilege)
        {
            await tx.RollbackToSavepointAsync(savepoint, ct).ConfigureAwait(false); // the timeout's setting, the lock and any drop go with it
            await tx.ReleaseSavepointAsync(savepoint, ct).ConfigureAwait(false);
            return new BulkIndexes(db, []);
        }
    }

    private static Task SetLockTimeoutAsync(PayBatchDb db, string value, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync("SELECT set_config('lock_timeout', {0}, true)", [value], ct);

    /// <summary>
    /// PostgreSQL: whether this transaction already holds another table alone (another's indexes set aside before, or any
    /// other reason): then these stay. A reader's statement that locked the second table and waits for the first would wait on this
    /// transaction while it waits on the reader: a deadlock, which PostgreSQL ends by failing one of them. One table at a
    /// time cannot make one (the run's payments, not then its exclusions; reconcile's payments).
    /// </summary>
    private static bool HoldsAnotherTable(PayBatchDb db, string index) =>
        PlainReads.Read(db, "SELECT COUNT(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation " +
                            "WHERE l.pid = pg_backend_pid() AND l.locktype = 'relation' AND l.mode = 'AccessExclusiveLock' AND l.granted " +
                            "AND c.relkind = 'r' AND c.relpersistence <> 't' " +
                            "AND c.oid <> (SELECT indrelid FROM pg_index WHERE indexrelid = to_regclass(@index))",
            r => r.GetInt64(0), ("index", Quoted(index))).Single() > 0;

    /// <summary>
    /// Creates the dropped indexes again; each is made once. On SQLite one that failed is tried again by the next call; on
    /// PostgreSQL a failure ends the transaction, which only its rollback follows.
    /// </summary>
    public async Task RestoreAsync(CancellationToken ct)
    {
        if (_dropped.Count == 0) return;
        // PostgreSQL sorts with its own workers (max_parallel_maintenance_workers); a larger maintenance_work_mem made no difference.
        if (_db.Provider != DbProvider.Sqlite)
        {
            await MakeEachAsync(ct).ConfigureAwait(false);
            return;
        }
        // SQLite sorts an index's keys in runs as large as the page cache, each run on a helper thread if it may use any:
        // small runs on two helpers sort faster and in less memory (a million payments' live-payment index in sqlite3: 1.75 s
        // and 115 MB in runs of a 64 MB cache, 0.77 s and 21 MB in runs of 4 MB on two threads). The cache is as small
        // meanwhile, and its usual size again after.
        await _db.Database.ExecuteSqlRawAsync(SortInSmallRuns, ct).ConfigureAwait(false);
        try
        {
            await MakeEachAsync(ct).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The error that stopped the indexes is the one to report; the caller rolls back and lets the connection go.
            try
            {
                await SortAsUsualAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is DbException or InvalidOperationException)
            {
                // Not even a PRAGMA now: the caller's rollback is what matters.
            }
            throw;
        }
        await SortAsUsualAsync().ConfigureAwait(false);
    }

    /// <summary>Makes each dropped index again, forgetting it only once made.</summary>
    private async Task MakeEachAsync(CancellationToken ct)
    {
        while (_dropped.TryPeek(out var index))
        {
            await _db.Database.ExecuteSqlRawAsync(index.Sql, ct).ConfigureAwait(false);
            _dropped.Dequeue();
        }
    }

    private Task SortAsUsualAsync() => _db.Database.ExecuteSqlRawAsync(SqliteCacheSize.Pragma + "; PRAGMA threads = 0", CancellationToken.None);

    private const string SortInSmallRuns = "PRAGMA cache_size = -4096; PRAGMA threads = 2";

    /// <summary>Runs <paramref name="update"/> with the indexes of <paramref name="table"/> an update of <paramref name="column"/> rewrites dropped (<see cref="ForUpdateOf"/>), then creates them again.</summary>
    public static async Task<T> RebuiltAroundAsync<T>(PayBatchDb db, string table, string column, Func<Task<T>> update, CancellationToken ct)
    {
        var indexes = await DropAsync(db, ForUpdateOf(db, table, column), ct).ConfigureAwait(false);
        var result = await update().ConfigureAwait(false);
        await indexes.RestoreAsync(ct).ConfigureAwait(false);
        return result;
    }

    /// <summary>
    /// The indexes of <paramref name="table"/> an update of <paramref name="column"/> in many of its rows does better without:
    /// on SQLite its partial indexes whose condition names the column (<see cref="PartialOn"/>), on PostgreSQL every one
    /// made by CREATE INDEX (each updated row's new version gets an entry in each index; <see cref="AllMade"/>).
    /// </summary>
    public static IReadOnlyList<(string Name, string Sql)> ForUpdateOf(PayBatchDb db, string table, string column) =>
        db.Provider == DbProvider.Sqlite ? PartialOn(db, table, column) : AllMade(db, table);

    /// <summary>The partial indexes of a SQLite <paramref name="table"/> whose condition names <paramref name="column"/>: name and CREATE statement.</summary>
    public static IReadOnlyList<(string Name, string Sql)> PartialOn(PayBatchDb db, string table, string column) =>
        Created(db, table)
            .Where(i => i.Sql.IndexOf(" WHERE ", StringComparison.OrdinalIgnoreCase) is var where and >= 0
                        && i.Sql.IndexOf($"\"{column}\"", where, StringComparison.Ordinal) >= 0)
            .Select(i => (i.Name, i.Sql))
            .ToList();

    /// <summary>
    /// The indexes of <paramref name="table"/> an import that knows its keys are new can do without until its end: every index
    /// made by CREATE INDEX (a primary key's stays), except a unique one on other columns than <paramref name="keys"/>, whose
    /// rule the import would otherwise see broken only at the end. (Every foreign key of the schema refers to a primary key,
    /// which a test holds: SQLite would refuse the referring table's rows while the index it refers to is gone.)
    /// </summary>
    public static IReadOnlyList<(string Name, string Sql)> BesidesKey(PayBatchDb db, string table, IReadOnlyList<string> keys) =>
        Created(db, table)
            .Where(i => !i.Unique || i.Columns.Order(StringComparer.Ordinal).SequenceEqual(keys.Order(StringComparer.Ordinal)))
            .Select(i => (i.Name, i.Sql))
            .ToList();

    /// <summary>Every index of <paramref name="table"/> made by CREATE INDEX (one backing a constraint stays), for rows that are all inserted while they are away.</summary>
    public static IReadOnlyList<(string Name, string Sql)> AllMade(PayBatchDb db, string table) => Created(db, table).Select(i => (i.Name, i.Sql)).ToList();

    /// <summary>
    /// Whether a change of <paramref name="rows"/> rows of <paramref name="table"/> (<paramref name="added"/>: new rows, else
    /// updated ones) should go with indexes set aside: on SQLite and PostgreSQL, many rows (<see cref="SetAsideFrom"/>) that
    /// are at least half of the table's once it is done.
    /// </summary>
    public static async Task<bool> WorthSettingAsideAsync(PayBatchDb db, string table, long rows, bool added, CancellationToken ct)
    {
        if (db.Provider is not (DbProvider.Sqlite or DbProvider.Postgres) || rows < SetAsideFrom) return false;
        var count = $"SELECT COUNT(*) AS \"Value\" FROM \"{table}\""; // a table of the model, never input
        var after = await db.Database.SqlQueryRaw<long>(count).SingleAsync(ct).ConfigureAwait(false) + (added ? rows : 0);
        return rows * 2 >= after;
    }

    /// <summary>
    /// The indexes of <paramref name="table"/> made by CREATE INDEX: name, CREATE statement, whether unique, and its
    /// columns. On PostgreSQL an index that backs a constraint (a primary key, or the key a foreign key refers to) is none
    /// of them.
    /// </summary>
    private static List<(string Name, string Sql, bool Unique, string[] Columns)> Created(PayBatchDb db, string table) =>
        db.Provider == DbProvider.Sqlite
            ? PlainReads.Read(db, "SELECT m.name, m.sql, l.\"unique\", (SELECT group_concat(i.name, ',') FROM pragma_index_info(m.name) i) " +
                                  "FROM sqlite_master m JOIN pragma_index_list(@table) l ON l.name = m.name " +
                                  "WHERE m.type = 'index' AND m.tbl_name = @table AND m.sql IS NOT NULL ORDER BY m.name",
                r => (r.GetString(0), r.GetString(1), r.GetInt64(2) != 0, r.GetString(3).Split(',')), ("table", table)).ToList()
            : PlainReads.Read(db, "SELECT i.relname, pg_get_indexdef(i.oid), x.indisunique, " +
                                  "ARRAY(SELECT a.attname::text FROM unnest(x.indkey) k JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k) " +
                                  "FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid " +
                                  "WHERE x.indrelid = to_regclass(@table) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid) " +
                                  "ORDER BY i.relname",
                r => (r.GetString(0), r.GetString(1), r.GetBoolean(2), (string[])r.GetValue(3)), ("table", table)).ToList();
}

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace PayBatch.Core.Persistence;

/// <summary>
/// Inserts or updates many rows by key inside the current transaction. SQLite: an upsert per chunk of rows
/// (<see cref="SqliteRowFeed"/>); SQL Server: a prepared upsert per row (bank-detail changes kept by a temporary trigger on SQLite, by a statement
/// per row on SQL Server). PostgreSQL: binary COPY into a staging table, then one set-based
/// INSERT … ON CONFLICT (the last row of a key wins, as it would row by row). For the registry,
/// each change of a case's bank details is kept in bank_detail_changes (on every provider the same
/// changes, in file order).
/// </summary>
public abstract class UpsertSink : IAsyncDisposable
{
    /// <summary>Upserts rows of the model, by the key and columns the model defines (<see cref="TableMap{TRow}"/>).</summary>
    public static async Task<UpsertSink<TRow>> OpenAsync<TRow>(PayBatchDb db, bool keepBankDetailHistory, DateTime nowUtc, CancellationToken ct)
        where TRow : class
    {
        var map = TableMap<TRow>.Of(db);
        return new UpsertSink<TRow>(map, await OpenAsync(db, map.Table, map.Key, map.Columns, keepBankDetailHistory, nowUtc, ct).ConfigureAwait(false));
    }

    private static async Task<UpsertSink> OpenAsync(PayBatchDb db, string table, IReadOnlyList<string> keys, IReadOnlyList<Column> columns,
        bool keepBankDetailHistory, DateTime nowUtc, CancellationToken ct) =>
        db.Provider switch
        {
            DbProvider.Postgres => await StagedSink.CreateAsync(db, table, keys, columns, keepBankDetailHistory, nowUtc, ct).ConfigureAwait(false),
            DbProvider.Sqlite => await SqliteSink.CreateAsync(db, table, keys, columns, keepBankDetailHistory, nowUtc, ct).ConfigureAwait(false),
            _ => new PreparedSink(db, table, keys, columns, keepBankDetailHistory, nowUtc),
        };

    /// <summary>Adds a row made by <see cref="Bindable"/>.</summary>
    public abstract ValueTask AddAsync(object?[] values, CancellationToken ct);

    /// <summary>A row's values (in the columns' order) as <see cref="AddAsync"/> takes them: made on any one thread at a time.</summary>
    public virtual object?[] Bindable(object?[] values) => values;

    /// <summary>Applies what was added; returns the number of bank detail changes recorded.</summary>
    public abstract Task<int> CompleteAsync(CancellationToken ct);

    public abstract ValueTask DisposeAsync();

    private const string HistoryColumns = "case_id, old_bank_bic, old_iban, new_bank_bic, new_iban, changed_at_utc";

    /// <summary>
    /// Into an empty table an import's rows only insert (SQLite, in chunks) or go straight in (PostgreSQL, by COPY) while
    /// each row's key is new in the file, nearly always to its end: the keys seen so far, by hash. A hash that comes again
    /// (the key, or rarely another key's: the upserts then come early, which only costs time) ends it for good.
    /// </summary>
    private sealed class NewKeys(int[] keyAt)
    {
        private readonly HashSet<long> _seen = [];

        /// <summary>For an import into <paramref name="table"/>: null unless the table has no row.</summary>
        public static async Task<NewKeys?> ForAsync(PayBatchDb db, string table, IReadOnlyList<string> keys, IReadOnlyList<Column> columns,
            CancellationToken ct)
        {
            var anyRow = $"SELECT EXISTS (SELECT 1 FROM {table}) AS \"Value\""; // a constant of this program, never input
            if (await db.Database.SqlQueryRaw<bool>(anyRow).SingleAsync(ct).ConfigureAwait(false)) return null;
            var names = columns.Select(c => c.Name).ToList();
            return new NewKeys([.. keys.Select(k => names.IndexOf(k))]);
        }

        /// <summary>Whether this row's key (its values in the columns' order) is new: false from the first one seen before.</summary>
        public bool Add(object?[] values) => _seen.Add(Hash(values));

        /// <summary>
        /// FNV-1a, 64 bits, of the key's values (text as bound: UTF-8 bytes on SQLite, a string elsewhere), each followed by a
        /// value neither has: two rows with the same key have the same hash.
        /// </summary>
        private long Hash(object?[] values)
        {
            var h = 14695981039346656037UL;
            foreach (var at in keyAt)
            {
                switch (values[at])
                {
                    case byte[] bytes:
                        foreach (var b in bytes) h = unchecked((h ^ b) * 1099511628211UL);
                        break;
                    case string text:
                        foreach (var c in text) h = unchecked((h ^ c) * 1099511628211UL);
                        break;
                    default:
                        throw new InvalidOperationException("a key is text");
                }
                h = unchecked((h ^ 0x1_0000) * 1099511628211UL);
            }
            return unchecked((long)h);
        }
    }

    /// <summary>Row by row: keep the old bank details of a case whose details this row changes.</summary>
    internal const string HistorySql =
        $"INSERT INTO bank_detail_changes ({HistoryColumns}) SELECT case_id, bank_bic, iban, @bank_bic, @iban, @now FROM cases " +
        "WHERE case_id = @case_id AND (bank_bic <> @bank_bic OR iban <> @iban)";

    /// <summary>SQL Server: a prepared upsert per row, and a statement per row that keeps the bank-detail changes.</summary>
    private sealed class PreparedSink : UpsertSink
    {
        private readonly IReadOnlyList<Column> _columns;
        private readonly PreparedCommand _upsert;
        private readonly PreparedCommand? _history;
        private readonly DateTime _now;
        private readonly (int CaseId, int Bic, int Iban) _historyAt;
        private int _changes;

        public PreparedSink(PayBatchDb db, string table, IReadOnlyList<string> keys, IReadOnlyList<Column> columns, bool history, DateTime now)
        {
            _columns = columns;
            _now = now;
            _upsert = new PreparedCommand(db, SqlDialect.Merge(table, keys, columns.Select(c => c.Name).ToList()), columns.Select(c => c.Name).ToArray());
            if (history)
            {
                _history = new PreparedCommand(db, HistorySql, "case_id", "bank_bic", "iban", "now");
                int At(string name) => columns.Select((c, i) => (c, i)).Single(x => x.c.Name == name).i;
                _historyAt = (At("case_id"), At("bank_bic"), At("iban"));
            }
        }

        public override async ValueTask AddAsync(object?[] values, CancellationToken ct)
        {
            if (_history is not null)
            {
                _changes += await _history.Set("case_id", (string?)values[_historyAt.CaseId]).Set("bank_bic", (string?)values[_historyAt.Bic])
                    .Set("iban", (string?)values[_historyAt.Iban]).Set("now", _now).ExecuteAsync(ct).ConfigureAwait(false);
            }
            await _upsert.SetRow(_columns, values).ExecuteAsync(ct).ConfigureAwait(false);
        }

        public override Task<int> CompleteAsync(CancellationToken ct) => Task.FromResult(_changes);

        public override ValueTask DisposeAsync()
        {
            _upsert.Dispose();
            _history?.Dispose();
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>
    /// SQLite: the rows a chunk at a time (<see cref="SqliteRowFeed"/>). Into an empty table they only insert until a key
    /// comes again in the file (nearly always: never), and from it on they upsert: an upsert's statement keeps a journal of
    /// its own to undo itself, and copies there every page its rows change (a million new cases: 7.3 s against 3.4 s).
    /// For the registry a temporary trigger keeps each change of a case's bank details as the upsert's update makes it
    /// (the update runs only when a column differs), inside SQLite: the same changes, in the same order, as a history
    /// statement before each row. It is made only once rows may update: while it exists, SQLite guards each statement
    /// with a savepoint of its own. While rows only insert, every index they can do without is set aside, the key's own unique
    /// index too (each key is new), and made again after them (<see cref="BulkIndexes.BesidesKey"/>): before the first
    /// upsert, which needs its key's index, or at the end.
    /// </summary>
    private sealed class SqliteSink(PayBatchDb db, IReadOnlyList<Column> columns, (NewKeys Keys, SqliteRowFeed Feed, BulkIndexes SetAside)? inserting,
        SqliteRowFeed upserts, bool history, int before, DateTime now) : UpsertSink
    {
        private const string Trigger = "paybatch_bank_history";
        private (NewKeys Keys, SqliteRowFeed Feed, BulkIndexes SetAside)? _inserting = inserting;

        public static async Task<SqliteSink> CreateAsync(PayBatchDb db, string table, IReadOnlyList<string> keys, IReadOnlyList<Column> columns,
            bool history, DateTime now, CancellationToken ct)
        {
            if (history && (table != "cases" || keys is not ["case_id"])) throw new InvalidOperationException($"bank-detail history is kept for cases, not {table}");
            // Should a trigger be left over on this connection, it goes first: its time would be another import's.
            if (history) await db.Database.ExecuteSqlRawAsync($"DROP TRIGGER IF EXISTS temp.{Trigger}", ct).ConfigureAwait(false);
            var newKeys = await NewKeys.ForAsync(db, table, keys, columns, ct).ConfigureAwait(false);
            if (history && newKeys is null) await CreateTriggerAsync(db, now, ct).ConfigureAwait(false);
            var before = history ? await db.BankDetailChanges.CountAsync(ct).ConfigureAwait(false) : 0;
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            var names = columns.Select(c => c.Name).ToList();
            // Prepared while the key's index is there: without it SQLite refuses an ON CONFLICT on the key.
            var upserts = new SqliteRowFeed(connection, table, names, SqlDialect.OnConflict(table, keys, names));
            try
            {
                if (newKeys is null) return new SqliteSink(db, columns, null, upserts, history, before, now);
                var setAside = await BulkIndexes.DropAsync(db, BulkIndexes.BesidesKey(db, table, keys), ct).ConfigureAwait(false);
                return new SqliteSink(db, columns, (newKeys, new SqliteRowFeed(connection, table, names), setAside), upserts, history, before, now);
            }
            catch
            {
                upserts.Dispose(); // a statement is finalized by its Dispose only
                throw;
            }
        }

        // A temporary trigger lives with this connection (and a rolled-back transaction takes it away); the time is
        // written as the history statement binds it, and is the program's own text, never input.
        private static Task CreateTriggerAsync(PayBatchDb db, DateTime now, CancellationToken ct)
        {
            var create = $"CREATE TEMP TRIGGER {Trigger} AFTER UPDATE OF bank_bic, iban ON cases " +
                         "WHEN old.bank_bic <> new.bank_bic OR old.iban <> new.iban BEGIN " +
                         $"INSERT INTO bank_detail_changes ({HistoryColumns}) VALUES (old.case_id, old.bank_bic, old.iban, new.bank_bic, new.iban, " +
                         $"'{SqliteStatement.Text(now)}'); END";
            return db.Database.ExecuteSqlRawAsync(create, ct);
        }

        public override async ValueTask AddAsync(object?[] values, CancellationToken ct)
        {
            ct.ThrowIfCancellationRequested();
            if (_inserting is { } inserting)
            {
                if (inserting.Keys.Add(values))
                {
                    inserting.Feed.Add(values);
                    return;
                }
                // A key seen before may update its row: from it on, rows upsert, after the inserts before them, with every index.
                inserting.Feed.Flush();
                _inserting = null;
                inserting.Feed.Dispose();
                await inserting.SetAside.RestoreAsync(ct).ConfigureAwait(false);
                if (history) await CreateTriggerAsync(db, now, ct).ConfigureAwait(false);
            }
            upserts.Add(values);
        }

        private readonly SqliteRowFeed.Encoder _encoder = new(columns);

        public override object?[] Bindable(object?[] values) => _encoder.Bindable(values);

        public override async Task<int> CompleteAsync(CancellationToken ct)
        {
            ct.ThrowIfCancellationRequested();
            if (_inserting is { } inserting)
            {
                inserting.Feed.Flush();
                await inserting.SetAside.RestoreAsync(ct).ConfigureAwait(false);
            }
            upserts.Flush();
            return history ? await db.BankDetailChanges.CountAsync(ct).ConfigureAwait(false) - before : 0;
        }

        public override async ValueTask DisposeAsync()
        {
            _inserting?.Feed.Dispose();
            upserts.Dispose();
            if (history) await db.Database.ExecuteSqlRawAsync($"DROP TRIGGER IF EXISTS temp.{Trigger}").ConfigureAwait(false);
        }
    }

    /// <summary>
    /// PostgreSQL: binary COPY into a staging table, then one set-based merge. Into an empty table the rows are copied
    /// straight in until a key comes again in the file (nearly always: never): a million new cases need no staging, no
    /// sort by key and no merge. Meanwhile the indexes it can do without are set aside, as on SQLite
    /// (<see cref="BulkIndexes.BesidesKey"/>), and made again when the copy ends. From a repeated key on, the rest goes
    /// through the staging table, whose merge finds the rows copied before in the table, as it would stored cases.
    /// </summary>
    private sealed class StagedSink(PayBatchDb db, string table, IReadOnlyList<string> keys, IReadOnlyList<Column> columns,
        bool history, DateTime now, (NewKeys Keys, BulkWriter Writer, BulkIndexes SetAside)? direct) : UpsertSink
    {
        private (NewKeys Keys, BulkWriter Writer, BulkIndexes SetAside)? _direct = direct;
        private BulkWriter? _staged;
        private long _ord;

        public static async Task<StagedSink> CreateAsync(PayBatchDb db, string table, IReadOnlyList<string> keys, IReadOnlyList<Column> columns,
            bool history, DateTime now, CancellationToken ct)
        {
            var newKeys = await NewKeys.ForAsync(db, table, keys, columns, ct).ConfigureAwait(false);
            if (newKeys is null)
            {
                var staging = new StagedSink(db, table, keys, columns, history, now, null);
                await staging.StageAsync(ct).ConfigureAwait(false);
                return staging;
            }
            // Copied straight in, with the indexes it can do without set aside until the copy ends (BulkIndexes).
            var setAside = await BulkIndexes.DropAsync(db, BulkIndexes.BesidesKey(db, table, keys), ct).ConfigureAwait(false);
            return new StagedSink(db, table, keys, columns, history, now, (newKeys, await BulkWriter.OpenAsync(db, table, columns, ct).ConfigureAwait(false), setAside));
        }

        private async Task StageAsync(CancellationToken ct)
        {
            // Table and column names here are constants of this program, never input.
            var create = $"CREATE TEMP TABLE staged_{table} ON COMMIT DROP AS SELECT {string.Join(", ", columns.Select(c => c.Name))}, 0::bigint AS ord FROM {table} WITH NO DATA";
            await db.Database.ExecuteSqlRawAsync(create, ct).ConfigureAwait(false);
            _staged = await BulkWriter.OpenAsync(db, $"staged_{table}", [.. columns, new Column("ord", ColumnType.Long)], ct).ConfigureAwait(false);
        }

        /// <summary>Ends the straight copy: the connection leaves COPY state, and the indexes set aside are made again (the merge's ON CONFLICT needs its key's).</summary>
        private async Task EndDirectAsync((NewKeys Keys, BulkWriter Writer, BulkIndexes SetAside) direct, CancellationToken ct)
        {
            await direct.Writer.CompleteAsync(ct).ConfigureAwait(false); // disposes the importer; should it fail, DisposeAsync does
            _direct = null;
            await direct.SetAside.RestoreAsync(ct).ConfigureAwait(false);
        }

        public override async ValueTask AddAsync(object?[] values, CancellationToken ct)
        {
            if (_direct is { } direct)
            {
                if (direct.Keys.Add(values))
                {
                    await direct.Writer.AddAsync(values, ct).ConfigureAwait(false);
                    return;
                }
                // A key seen before: the rest goes through the staging table.
                await EndDirectAsync(direct, ct).ConfigureAwait(false);
                await StageAsync(ct).ConfigureAwait(false);
            }
            await _staged!.AddAsync([.. values, ++_ord], ct).ConfigureAwait(false);
        }

        public override async Task<int> CompleteAsync(CancellationToken ct)
        {
            if (_direct is { } direct)
            {
                await EndDirectAsync(direct, ct).ConfigureAwait(false);
                return 0; // every row a new key of an empty table: no bank details changed
            }
            await _staged!.CompleteAsync(ct).ConfigureAwait(false);
            var keyList = string.Join(", ", keys);
            var names = string.Join(", ", columns.Select(c => c.Name));
            var latest = $"SELECT DISTINCT ON ({keyList}) {names} FROM staged_{table} ORDER BY {keyList}, ord DESC";
            if (history)
            {
                // Each row against the details before it, as row by row: a case's first row against the stored case (none for a
                // new case), a repeated case's next row against its row before, so A→B→C in one file keeps A→B and B→C. Found
                // before the merge (it changes the stored details), kept after it (a new case must exist first). Nearly every
                // file names each case once: then a join with the stored cases does, without the window's sort of the whole file.
                var anyRepeated = $"SELECT EXISTS (SELECT 1 FROM staged_{table} GROUP BY case_id HAVING COUNT(*) > 1) AS \"Value\"";
                var repeats = await db.Database.SqlQueryRaw<bool>(anyRepeated).SingleAsync(ct).ConfigureAwait(false);
                var found = repeats
                    ? "SELECT case_id, old_bic, old_iban, bank_bic, iban, ord FROM (SELECT s.case_id, s.bank_bic, s.iban, s.ord, " +
                      "COALESCE(LAG(s.bank_bic) OVER w, c.bank_bic) AS old_bic, COALESCE(LAG(s.iban) OVER w, c.iban) AS old_iban " +
                      $"FROM staged_{table} s LEFT JOIN cases c ON c.case_id = s.case_id WINDOW w AS (PARTITION BY s.case_id ORDER BY s.ord)) x " +
                      "WHERE old_bic <> bank_bic OR old_iban <> iban"
                    : "SELECT s.case_id, c.bank_bic AS old_bic, c.iban AS old_iban, s.bank_bic, s.iban, s.ord " +
                      $"FROM cases c JOIN staged_{table} s ON s.case_id = c.case_id WHERE c.bank_bic <> s.bank_bic OR c.iban <> s.iban";
                var keep = "CREATE TEMP TABLE staged_changes ON COMMIT DROP AS " + found;
                await db.Database.ExecuteSqlRawAsync(keep, ct).ConfigureAwait(false);
            }
            var updated = columns.Select(c => c.Name).Where(c => !keys.Contains(c)).ToList();
            var updates = string.Join(", ", updated.Select(c => $"{c} = excluded.{c}"));
            var merge = $"INSERT INTO {table} ({names}) {latest} ON CONFLICT ({keyList}) DO UPDATE SET {updates} {SqlDialect.WhereChanged(table, updated)}";
            await db.Database.ExecuteSqlRawAsync(merge, ct).ConfigureAwait(false);
            if (!history) return 0;
            return await db.Database.ExecuteSqlRawAsync($"INSERT INTO bank_detail_changes ({HistoryColumns}) " +
                "SELECT case_id, old_bic, old_iban, bank_bic, iban, @now FROM staged_changes ORDER BY ord", [new NpgsqlParameter("now", now)], ct).ConfigureAwait(false);
        }

        public override async ValueTask DisposeAsync()
        {
            if (_direct is { } direct) await direct.Writer.DisposeAsync().ConfigureAwait(false);
            if (_staged is not null) await _staged.DisposeAsync().ConfigureAwait(false);
        }
    }
}

/// <summary>An <see cref="UpsertSink"/> that takes rows of the model.</summary>
public sealed class UpsertSink<TRow>(TableMap<TRow> map, UpsertSink sink) : IAsyncDisposable where TRow : class
{
    public ValueTask AddAsync(TRow row, CancellationToken ct) => sink.AddAsync(Values(row), ct);

    /// <summary>The row as <see cref="AddValuesAsync"/> takes it. Touches no connection: another thread can make the rows, one thread at a time.</summary>
    public object?[] Values(TRow row) => sink.Bindable(map.Values(row));

    /// <summary>Adds a row made by <see cref="Values"/>.</summary>
    public ValueTask AddValuesAsync(object?[] values, CancellationToken ct) => sink.AddAsync(values, ct);

    /// <summary>Applies what was added; returns the number of bank detail changes recorded.</summary>
    public Task<int> CompleteAsync(CancellationToken ct) => sink.CompleteAsync(ct);

    public ValueTask DisposeAsync() => sink.DisposeAsync();
}

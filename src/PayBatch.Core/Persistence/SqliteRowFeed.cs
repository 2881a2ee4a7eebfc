using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace PayBatch.Core.Persistence;

/// <summary>
/// Inserts (or upserts) rows a chunk at a time with one <c>INSERT … SELECT</c> from <c>paybatch_rows</c>, a virtual table
/// of this connection whose rows are the chunk's values in memory, or updates the rows they name (<see cref="Update"/>).
/// SQLite runs a statement per row with cursors opened and positioned from the root for each; one statement for many rows
/// keeps them open and costs about half (a million cases: 3.2 s in one <c>INSERT … SELECT</c>, 6.7 s row by row, measured
/// in SQLite itself). The values are those of <see cref="Encoder"/> (UTF-8 text, longs, nulls), handed to SQLite as a bound
/// parameter's would be, so the stored values are the same. Runs on the connection's handle, in its current transaction,
/// on the caller's thread. The statement is <c>INSERT OR FAIL</c> (<c>UPDATE OR FAIL</c>): a row that breaks a constraint
/// fails it as before, but SQLite need not undo the chunk's rows before it (the caller's transaction is rolled back on any
/// failure), so it keeps no statement journal, into which it would first copy every page the statement changes (a million
/// new cases, their index pages in random order: 6.9 s with the journal, 3.4 s without). A statement that writes a foreign
/// key's column (an insert into a table with one), and an upsert's update, keep a statement journal all the same (SQLite
/// must undo a statement of many rows whose key turns out broken), and cost more (payments' rows: about twice).
/// </summary>
internal sealed unsafe class SqliteRowFeed : IDisposable
{
    /// <summary>
    /// Rows per statement (two chunks of <see cref="RowHandover"/>): enough that the statement's own cost fades (with a foreign key,
    /// its journal copies the pages it first changes: a million confirmations, 3.7–3.8 s to store 64 at a time, 3.1–3.4 s 128
    /// at a time, 3.3–3.6 s 256 at a time), few enough that they die young.
    /// </summary>
    public const int ChunkRows = 2 * RowHandover.ChunkRows;

    private readonly SqliteConnection _connection;
    private readonly sqlite3_stmt _stmt;
    private readonly List<object?[]> _pending = new(ChunkRows);

    /// <param name="conflict">What follows the rows for an upsert (<c>ON CONFLICT …</c>), or null for a plain insert.</param>
    public SqliteRowFeed(SqliteConnection connection, string table, IReadOnlyList<string> columns, string? conflict = null)
        // OR FAIL keeps a failed chunk's first rows: only a transaction's rollback takes them away.
        // "WHERE true": SQLite reads an ON CONFLICT after a bare FROM as the join's constraint.
        : this(connection, columns.Count, $"INSERT OR FAIL INTO {table} ({string.Join(", ", columns)}) " +
                                          $"SELECT {string.Join(", ", columns.Select((_, i) => Module.ColumnName(i)))} FROM {Module.Name} WHERE true {conflict}")
    {
    }

    private SqliteRowFeed(SqliteConnection connection, int columns, string sql)
    {
        if (columns > Module.Columns) throw new ArgumentOutOfRangeException(nameof(columns), $"at most {Module.Columns} columns");
        _connection = connection;
        var db = connection.Handle ?? throw new InvalidOperationException("the SQLite connection is not open");
        Module.Register(db);
        if (raw.sqlite3_get_autocommit(db) != 0) throw new InvalidOperationException("rows are fed inside a transaction");
        Sql = sql;
        var rc = raw.sqlite3_prepare_v2(db, sql, out _stmt);
        GC.SuppressFinalize(_stmt); // finalized by Dispose only, as SqliteStatement's
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, db);
    }

    /// <summary>
    /// Updates the rows of <paramref name="table"/> that the rows fed name, a chunk at a time, with one
    /// <c>UPDATE OR FAIL … FROM paybatch_rows</c> per chunk. A fed row is its <paramref name="key"/>, the values of
    /// <paramref name="set"/>, then the value <paramref name="guard"/> must still hold for the row to be updated (what the
    /// caller read). No staging table: a million payments' statuses staged, then updated in one statement, took 1.3 + 1.8 s.
    /// OR FAIL, as the insert's: SQLite need not undo a statement's earlier rows alone (the caller's transaction is rolled
    /// back on any failure), so it keeps no statement journal. <see cref="Changes"/> counts the rows updated.
    /// </summary>
    public static SqliteRowFeed Update(SqliteConnection connection, string table, string key, IReadOnlyList<string> set, string guard)
    {
        string Fed(int i) => "r." + Module.ColumnName(i);
        return new SqliteRowFeed(connection, set.Count + 2,
            $"UPDATE OR FAIL {table} SET {string.Join(", ", set.Select((c, i) => $"{c} = {Fed(i + 1)}"))} FROM {Module.Name} r " +
            $"WHERE {table}.{key} = {Fed(0)} AND {table}.{guard} = {Fed(set.Count + 1)}");
    }

    /// <summary>The statement run for each chunk (its plan is a test's).</summary>
    public string Sql { get; }

    /// <summary>The rows the statements changed (an update's), counted as each chunk is stored.</summary>
    public long Changes { get; private set; }

    /// <summary>
    /// A column's value as the feed hands it to SQLite: text (dates and times in their stored text) as UTF-8, whole numbers as
    /// a long. Made once, on any thread (it touches no connection), handing it over is a copy: SQLite turns UTF-16 into
    /// UTF-8 itself otherwise, a character at a time.
    /// </summary>
    private static object? Bindable(ColumnType type, object? value) => value is null ? null : type switch
    {
        ColumnType.Text => Encoding.UTF8.GetBytes((string)value),
        ColumnType.Int => (long)(int)value,
        ColumnType.Long => (long)value,
        ColumnType.Date => Encoding.UTF8.GetBytes(SqliteStatement.Text((DateOnly)value)),
        ColumnType.TimestampUtc => Encoding.UTF8.GetBytes(SqliteStatement.Text((DateTime)value)),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>
    /// Turns one writer's rows, on one thread at a time, into what <see cref="Add"/> takes. A text, date or time equal to the
    /// same column's in the row before (a reconcile's file and its hash, the time it read them, a quarter, a status) is
    /// handed over as the same bytes, not encoded again: SQLite copies them before the statement's step returns.
    /// </summary>
    public sealed class Encoder(IReadOnlyList<Column> columns)
    {
        private readonly object?[] _last = new object?[columns.Count];
        private readonly object?[] _encoded = new object?[columns.Count];

        /// <summary>A row's values (in the columns' order) turned, in place, into what <see cref="Add"/> takes.</summary>
        public object?[] Bindable(object?[] values)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                var (type, value) = (columns[i].Type, values[i]);
                if (type is ColumnType.Int or ColumnType.Long || value is null)
                {
                    values[i] = SqliteRowFeed.Bindable(type, value);
                    continue;
                }
                // DateTime's Equals compares ticks alone; the stored text has no kind either.
                if (!value.Equals(_last[i])) (_last[i], _encoded[i]) = (value, SqliteRowFeed.Bindable(type, value));
                values[i] = _encoded[i];
            }
            return values;
        }
    }

    /// <summary>Adds a row of <see cref="Encoder.Bindable"/> values; stored with its chunk.</summary>
    public void Add(object?[] values)
    {
        _pending.Add(values);
        if (_pending.Count >= ChunkRows) Flush();
    }

    /// <summary>Stores the rows added since the last chunk.</summary>
    public void Flush()
    {
        if (_pending.Count == 0) return;
        var db = _connection.Handle!;
        Module.Rows = _pending;
        try
        {
            int step;
            while ((step = raw.sqlite3_step(_stmt)) == raw.SQLITE_ROW) { }
            if (step != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(step, db);
            Changes += raw.sqlite3_changes(db);
        }
        finally
        {
            Module.Rows = null;
            raw.sqlite3_reset(_stmt);
            _pending.Clear();
        }
    }

    public void Dispose() => _stmt.Dispose();

    /// <summary>
    /// The eponymous virtual table's module (xCreate null: it exists on every connection that registered it, without a
    /// CREATE VIRTUAL TABLE): columns c0 … c63, rows read from <see cref="Rows"/> of the thread that steps the statement.
    /// </summary>
    private static class Module
    {
        public const string Name = "paybatch_rows";
        public const int Columns = 64;

        [ThreadStatic] public static List<object?[]>? Rows;

        private static readonly ConditionalWeakTable<sqlite3, object> Registered = [];
        private static readonly sqlite3_module* Definition = Define();
        private static readonly byte* EmptyText = (byte*)NativeMemory.AllocZeroed(1); // an empty text is not a null pointer
        private static readonly IntPtr Transient = -1; // SQLITE_TRANSIENT: SQLite copies the value before the call returns

        public static void Register(sqlite3 db)
        {
            if (Registered.TryGetValue(db, out _)) return;
            // The calls below go to e_sqlite3 by name: handed another library's connection they would corrupt memory.
            if (raw.GetNativeLibraryName() != "e_sqlite3") throw new NotSupportedException($"SQLite's library is {raw.GetNativeLibraryName()}, not e_sqlite3");
            int rc;
            fixed (byte* name = NameText) rc = CreateModule(db.DangerousGetHandle(), name, Definition, IntPtr.Zero, IntPtr.Zero);
            if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, db);
            Registered.AddOrUpdate(db, Name);
        }

        private static sqlite3_module* Define()
        {
            var m = (sqlite3_module*)NativeMemory.AllocZeroed((nuint)sizeof(sqlite3_module)); // lives as long as the process
            m->iVersion = 1;
            m->xConnect = &Connect;
            m->xBestIndex = &BestIndex;
            m->xDisconnect = &Disconnect;
            m->xDestroy = &Disconnect;
            m->xOpen = &Open;
            m->xClose = &Close;
            m->xFilter = &Filter;
            m->xNext = &Next;
            m->xEof = &Eof;
            m->xColumn = &Column;
            m->xRowid = &Rowid;
            return m;
        }

        public static string ColumnName(int i) => $"c{i}";

        // The texts handed to SQLite: UTF-8, ending in a zero byte.
        private static readonly byte[] NameText = Encoding.UTF8.GetBytes(Name + "\0");
        private static readonly byte[] Schema = Encoding.UTF8.GetBytes($"CREATE TABLE x({string.Join(", ", Enumerable.Range(0, Columns).Select(ColumnName))})\0");

        [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
        private static int Connect(IntPtr db, IntPtr aux, int argc, IntPtr argv, IntPtr* vtab, IntPtr* error)
        {
            fixed (byte* schema = Schema)
            {
                var rc = DeclareVtab(db, schema);
                if (rc != raw.SQLITE_OK) return rc;
            }
            *vtab = (IntPtr)NativeMemory.AllocZeroed((nuint)(3 * sizeof(IntPtr))); // sqlite3_vtab: pModule, nRef, zErrMsg (SQLite's own)
            return raw.SQLITE_OK;
        }

        // One way to read: every row, in order.
        [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
        private static int BestIndex(IntPtr vtab, IntPtr info) => raw.SQLITE_OK;

        [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
        private static int Disconnect(IntPtr vtab)
        {
            NativeMemory.Free((void*)vtab);
            return raw.SQLITE_OK;
        }

        [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
        private static int Open(IntPtr vtab, Cursor** cursor)
        {
            *cursor = (Cursor*)NativeMemory.AllocZeroed((nuint)sizeof(Cursor));
            return raw.SQLITE_OK;
        }

        [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
        private static int Close(Cursor* cursor)
        {
            NativeMemory.Free(cursor);
            return raw.SQLITE_OK;
        }

        [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
        private static int Filter(Cursor* cursor, int indexNumber, IntPtr indexText, int argc, IntPtr argv)
        {
            cursor->Row = 0;
            return raw.SQLITE_OK;
        }

        [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
        private static int Next(Cursor* cursor)
        {
            cursor->Row++;
            return raw.SQLITE_OK;
        }

        [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
        private static int Eof(Cursor* cursor) => Rows is { } rows && cursor->Row < rows.Count ? 0 : 1;

        [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
        private static int Column(Cursor* cursor, IntPtr context, int column)
        {
            try
            {
                var row = Rows![(int)cursor->Row];
                switch (column < row.Length ? row[column] : null)
                {
                    case null:
                        ResultNull(context);
                        break;
                    case byte[] { Length: 0 }:
                        ResultText(context, EmptyText, 0, Transient);
                        break;
                    case byte[] utf8:
                        fixed (byte* p = utf8) ResultText(context, p, utf8.Length, Transient);
                        break;
                    case long l:
                        ResultInt64(context, l);
                        break;
                    default:
                        return raw.SQLITE_MISMATCH; // only what Bindable makes
                }
                return raw.SQLITE_OK;
            }
            catch
            {
                return raw.SQLITE_ERROR; // nothing may unwind into SQLite
            }
        }

        [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
        private static int Rowid(Cursor* cursor, long* rowid)
        {
            *rowid = cursor->Row;
            return raw.SQLITE_OK;
        }

        // The library SQLitePCLRaw loads (e_sqlite3), for what it does not wrap: modules, and results set by a module.
        [DllImport("e_sqlite3", EntryPoint = "sqlite3_create_module_v2", CallingConvention = CallingConvention.Cdecl)]
        private static extern int CreateModule(IntPtr db, byte* name, sqlite3_module* module, IntPtr aux, IntPtr destroy);

        [DllImport("e_sqlite3", EntryPoint = "sqlite3_declare_vtab", CallingConvention = CallingConvention.Cdecl)]
        private static extern int DeclareVtab(IntPtr db, byte* sql);

        [DllImport("e_sqlite3", EntryPoint = "sqlite3_result_text", CallingConvention = CallingConvention.Cdecl), SuppressGCTransition]
        private static extern void ResultText(IntPtr context, byte* text, int bytes, IntPtr destructor);

        [DllImport("e_sqlite3", EntryPoint = "sqlite3_result_int64", CallingConvention = CallingConvention.Cdecl), SuppressGCTransition]
        private static extern void ResultInt64(IntPtr context, long value);

        [DllImport("e_sqlite3", EntryPoint = "sqlite3_result_null", CallingConvention = CallingConvention.Cdecl), SuppressGCTransition]
        private static extern void ResultNull(IntPtr context);
    }

    /// <summary>sqlite3_vtab_cursor (whose one field SQLite sets) and the row read.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Cursor
    {
#pragma warning disable CS0649 // written by SQLite
        public IntPtr Vtab;
#pragma warning restore CS0649
        public long Row;
    }

    /// <summary>sqlite3_module, version 1 (SQLite reads no further).</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct sqlite3_module
    {
        public int iVersion;
        public IntPtr xCreate;
        public delegate* unmanaged[Cdecl]<IntPtr, IntPtr, int, IntPtr, IntPtr*, IntPtr*, int> xConnect;
        public delegate* unmanaged[Cdecl]<IntPtr, IntPtr, int> xBestIndex;
        public delegate* unmanaged[Cdecl]<IntPtr, int> xDisconnect;
        public delegate* unmanaged[Cdecl]<IntPtr, int> xDestroy;
        public delegate* unmanaged[Cdecl]<IntPtr, Cursor**, int> xOpen;
        public delegate* unmanaged[Cdecl]<Cursor*, int> xClose;
        public delegate* unmanaged[Cdecl]<Cursor*, int, IntPtr, int, IntPtr, int> xFilter;
        public delegate* unmanaged[Cdecl]<Cursor*, int> xNext;
        public delegate* unmanaged[Cdecl]<Cursor*, int> xEof;
        public delegate* unmanaged[Cdecl]<Cursor*, IntPtr, int, int> xColumn;
        public delegate* unmanaged[Cdecl]<Cursor*, long*, int> xRowid;
        public IntPtr xUpdate;
        public IntPtr xBegin;
        public IntPtr xSync;
        public IntPtr xCommit;
        public IntPtr xRollback;
        public IntPtr xFindFunction;
        public IntPtr xRename;
    }
}

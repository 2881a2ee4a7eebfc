using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace PayBatch.Core.Persistence;

/// <summary>
/// A SQLite read compiled once, its text parameters bound by position, its rows read by position straight from the
/// statement: Microsoft.Data.Sqlite's reader costs more per value than SQLite's own work for a million rows. Runs on the
/// connection's handle, so it is part of the connection's current transaction. Also the text forms Microsoft.Data.Sqlite
/// writes dates and times in (dates as yyyy-MM-dd), so EF reads back alike what this program writes itself.
/// </summary>
internal sealed unsafe class SqliteStatement : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly sqlite3_stmt _stmt;
    private readonly IntPtr _handle; // the statement's own pointer, for the column reads below
    private readonly int[] _positions;
    private readonly string?[] _values;

    public SqliteStatement(SqliteConnection connection, string sql, IReadOnlyList<string> parameterNames)
    {
        _connection = connection;
        var db = connection.Handle ?? throw new InvalidOperationException("the SQLite connection is not open");
        // The column reads below go to e_sqlite3 by name: handed another library's statement they would corrupt memory.
        if (raw.GetNativeLibraryName() != "e_sqlite3") throw new NotSupportedException($"SQLite's library is {raw.GetNativeLibraryName()}, not e_sqlite3");
        var rc = raw.sqlite3_prepare_v2(db, sql, out _stmt);
        // Finalized by Dispose only: the finalizer thread must never touch a connection another thread uses (SqliteMode).
        GC.SuppressFinalize(_stmt);
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, db);
        _handle = _stmt.DangerousGetHandle();
        _positions = parameterNames.Select(n => raw.sqlite3_bind_parameter_index(_stmt, "@" + n)).ToArray();
        _values = new string?[parameterNames.Count];
    }

    public void Set(int slot, string? value) => _values[slot] = value;

    /// <summary>yyyy-MM-dd, digit by digit (a million rows carry several dates each).</summary>
    public static string Text(DateOnly d) => string.Create(10, d, static (chars, d) =>
    {
        Digits(chars[..4], d.Year);
        chars[4] = '-';
        Digits(chars.Slice(5, 2), d.Month);
        chars[7] = '-';
        Digits(chars.Slice(8, 2), d.Day);
    });

    private static void Digits(Span<char> into, int value)
    {
        for (var i = into.Length - 1; i >= 0; i--, value /= 10) into[i] = (char)('0' + (value % 10));
    }

    public static string Text(DateTime t) => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    /// <summary>
    /// Runs the statement with the values set and yields <paramref name="read"/> of each row, which reads the
    /// columns by position (<see cref="Bytes"/>, <see cref="IsNull"/>) while the row is current.
    /// </summary>
    public IEnumerable<T> Rows<T>(Func<SqliteStatement, T> read)
    {
        var db = _connection.Handle!;
        try
        {
            Bind(db);
            var step = FirstStep();
            for (; step == raw.SQLITE_ROW; step = raw.sqlite3_step(_stmt)) yield return read(this);
            if (step != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(step, db);
        }
        finally
        {
            raw.sqlite3_reset(_stmt);
        }
    }

    /// <summary>
    /// A read outside a transaction (a report, status) takes its lock at its first step: while another process holds the
    /// database (a run's or reconcile's commit), that step is SQLITE_BUSY. Like Microsoft.Data.Sqlite's own commands, it
    /// waits that out, trying again until the command timeout; later steps keep the lock the first one took.
    /// </summary>
    private int FirstStep()
    {
        var deadline = Environment.TickCount64 + (PlainDb.TimeoutSeconds * 1000L);
        while (true)
        {
            var step = raw.sqlite3_step(_stmt);
            if ((step & 0xFF) is not (raw.SQLITE_BUSY or raw.SQLITE_LOCKED) || Environment.TickCount64 >= deadline) return step;
            raw.sqlite3_reset(_stmt);
            Thread.Sleep(100);
        }
    }

    /// <summary>The current row's column as stored: a TEXT value's bytes in the database's encoding (the caller checks it is UTF-8).</summary>
    public ReadOnlySpan<byte> Bytes(int column)
    {
        var bytes = ColumnBlob(_handle, column); // first, then its length (SQLite's order)
        return bytes is null ? default : new ReadOnlySpan<byte>(bytes, ColumnBytes(_handle, column));
    }

    public long Int64(int column) => ColumnInt64(_handle, column);

    public bool IsNull(int column) => ColumnType(_handle, column) == raw.SQLITE_NULL;

    private void Bind(sqlite3 db)
    {
        for (var i = 0; i < _values.Length; i++)
        {
            var at = _positions[i];
            if (at == 0) continue; // a name the statement does not use
            var rc = _values[i] is { } text ? raw.sqlite3_bind_text16(_stmt, at, text.AsSpan()) : raw.sqlite3_bind_null(_stmt, at);
            if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, db);
        }
    }

    public void Dispose() => _stmt.Dispose();

    // SQLite's column reads, called straight on the statement's pointer (a million cases of twenty columns: some fifty million
    // calls): SQLitePCLRaw's wrappers add an interface call, a safe handle's reference count and a GC transition to each. On
    // the current row's text and integers they return what the row holds, neither waiting nor calling back, so the
    // transition is left out. Valid until Dispose, which alone finalizes the statement.
    [DllImport("e_sqlite3", EntryPoint = "sqlite3_column_blob", CallingConvention = CallingConvention.Cdecl), SuppressGCTransition]
    private static extern byte* ColumnBlob(IntPtr stmt, int column);

    [DllImport("e_sqlite3", EntryPoint = "sqlite3_column_bytes", CallingConvention = CallingConvention.Cdecl), SuppressGCTransition]
    private static extern int ColumnBytes(IntPtr stmt, int column);

    [DllImport("e_sqlite3", EntryPoint = "sqlite3_column_type", CallingConvention = CallingConvention.Cdecl), SuppressGCTransition]
    private static extern int ColumnType(IntPtr stmt, int column);

    [DllImport("e_sqlite3", EntryPoint = "sqlite3_column_int64", CallingConvention = CallingConvention.Cdecl), SuppressGCTransition]
    private static extern long ColumnInt64(IntPtr stmt, int column);
}

using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace PayBatch.Core.Persistence;

/// <summary>
/// One SQLite statement compiled once and run once per row (or, to read, once for all its rows): values
/// bound by position, the statement reset between runs. Microsoft.Data.Sqlite looks every parameter up by name and builds a reader on
/// each execution; for a million rows that bookkeeping costs more than SQLite's own work. Runs on the
/// connection's handle, so it is part of the connection's current transaction. Values are written in
/// the text forms Microsoft.Data.Sqlite writes (dates as yyyy-MM-dd), so EF reads them back alike.
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly sqlite3_stmt _stmt;
    private readonly int[] _positions;
    private readonly object?[] _values;

    public SqliteStatement(SqliteConnection connection, string sql, IReadOnlyList<string> parameterNames)
    {
        _connection = connection;
        var db = connection.Handle ?? throw new InvalidOperationException("the SQLite connection is not open");
        var rc = raw.sqlite3_prepare_v2(db, sql, out _stmt);
        // Finalized by Dispose only: the finalizer thread must never touch a connection another thread uses (SqliteMode).
        GC.SuppressFinalize(_stmt);
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, db);
        _positions = parameterNames.Select(n => raw.sqlite3_bind_parameter_index(_stmt, "@" + n)).ToArray();
        _values = new object?[parameterNames.Count];
    }

    public void Set(int slot, string? value) => _values[slot] = value;

    public void Set(int slot, long value) => _values[slot] = value;

    /// <summary>A value made by <see cref="Bindable"/>.</summary>
    public void SetBindable(int slot, object? value) => _values[slot] = value;

    /// <summary>
    /// A column's value as this statement binds it: text (dates and times in their stored text) as UTF-8, whole numbers as
    /// a long. Made once, on any thread (it touches no connection), binding it is a copy: SQLite turns UTF-16 into UTF-8
    /// itself otherwise, a character at a time.
    /// </summary>
    public static object? Bindable(ColumnType type, object? value) => value is null ? null : type switch
    {
        ColumnType.Text => Encoding.UTF8.GetBytes((string)value),
        ColumnType.Int => (long)(int)value,
        ColumnType.Long => (long)value,
        ColumnType.Date => Encoding.UTF8.GetBytes(Text((DateOnly)value)),
        ColumnType.TimestampUtc => Encoding.UTF8.GetBytes(Text((DateTime)value)),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>A row's values (in the columns' order) turned, in place, into what SQLite binds (<see cref="Bindable"/>).</summary>
    public static object?[] BindableRow(IReadOnlyList<Column> columns, object?[] values)
    {
        for (var i = 0; i < columns.Count; i++) values[i] = Bindable(columns[i].Type, values[i]);
        return values;
    }

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

    /// <summary>Runs the statement with the values set; returns the rows it changed.</summary>
    public int Execute()
    {
        var db = _connection.Handle!;
        try
        {
            Bind(db);
            int step;
            while ((step = raw.sqlite3_step(_stmt)) == raw.SQLITE_ROW) { }
            if (step != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(step, db);
            return raw.sqlite3_changes(db);
        }
        finally
        {
            raw.sqlite3_reset(_stmt);
        }
    }

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
    public ReadOnlySpan<byte> Bytes(int column) => raw.sqlite3_column_blob(_stmt, column);

    public long Int64(int column) => raw.sqlite3_column_int64(_stmt, column);

    public bool IsNull(int column) => raw.sqlite3_column_type(_stmt, column) == raw.SQLITE_NULL;

    private void Bind(sqlite3 db)
    {
        for (var i = 0; i < _values.Length; i++)
        {
            var at = _positions[i];
            if (at == 0) continue; // a name the statement does not use
            var rc = _values[i] switch
            {
                null => raw.sqlite3_bind_null(_stmt, at),
                byte[] utf8 => raw.sqlite3_bind_text(_stmt, at, utf8),
                string s => raw.sqlite3_bind_text16(_stmt, at, s.AsSpan()),
                long l => raw.sqlite3_bind_int64(_stmt, at, l),
                var v => throw new NotSupportedException($"parameter type {v.GetType().Name}"),
            };
            if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, db);
        }
    }

    public void Dispose() => _stmt.Dispose();
}

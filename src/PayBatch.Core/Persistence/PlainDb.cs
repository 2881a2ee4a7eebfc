using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace PayBatch.Core.Persistence;

/// <summary>
/// Where hand-written SQL (<see cref="PlainReads"/>) runs: EF's connection, in EF's transaction, inside a
/// command that works through EF; or a connection of its own for a command that only reads (history,
/// status, report), which then never starts EF Core. EF's start-up and the compilation of each LINQ
/// query cost such a command most of its time on a small database (issue 15: under 0.4 s).
/// </summary>
public sealed class PlainDb : IDisposable
{
    /// <summary>The command timeout, of EF's connections (<see cref="DbFactory"/>) and of a connection of its own.</summary>
    internal const int TimeoutSeconds = 60;

    private readonly PayBatchDb? _ef;

    private PlainDb(PayBatchDb ef)
    {
        _ef = ef;
        Connection = ef.Database.GetDbConnection();
        Provider = ef.Provider;
    }

    private PlainDb(DbConnection own, DbProvider provider)
    {
        Connection = own;
        Provider = provider;
    }

    public DbProvider Provider { get; }

    internal DbConnection Connection { get; }

    /// <summary>EF's connection and transaction: the reads see what the command has written so far.</summary>
    public static implicit operator PlainDb(PayBatchDb db) => new(db);

    /// <summary>A connection of its own, open; EF Core is not started.</summary>
    public static async Task<PlainDb> OpenAsync(DbProvider provider, string connectionString, CancellationToken ct)
    {
        var connection = provider switch
        {
            DbProvider.Sqlite => Sqlite(connectionString),
            DbProvider.Postgres => Postgres(connectionString),
            DbProvider.SqlServer => SqlServer(connectionString),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
        };
        try
        {
            await connection.OpenAsync(ct).ConfigureAwait(false);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return new PlainDb(connection, provider);
    }

    // One method per provider, each typed DbConnection: a method's ahead-of-time code loads every assembly it
    // names, and a SQLite command has no use for SQL Server's and PostgreSQL's (see DbFactory).
    private static DbConnection Sqlite(string connectionString)
    {
        SqliteMode.Ensure();
        return new Microsoft.Data.Sqlite.SqliteConnection(connectionString);
    }

    private static DbConnection Postgres(string connectionString) => new Npgsql.NpgsqlConnection(connectionString);

    private static DbConnection SqlServer(string connectionString) => new Microsoft.Data.SqlClient.SqlConnection(connectionString);

    /// <summary>Opens EF's connection if EF has not; true when it did (then <see cref="Close"/> after the read).</summary>
    internal bool OpenIfClosed()
    {
        if (_ef is null || Connection.State == ConnectionState.Open) return false;
        _ef.Database.OpenConnection();
        return true;
    }

    internal void Close() => _ef?.Database.CloseConnection();

    /// <summary>A command in the current transaction, with EF's timeout, its parameters named <c>@name</c>.</summary>
    internal DbCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        // Npgsql sends a time of another kind as a timestamp the server would shift by its own zone; EF refuses it.
        foreach (var (name, value) in parameters)
            if (value is DateTime { Kind: not DateTimeKind.Utc } && Provider == DbProvider.Postgres)
                throw new ArgumentException($"@{name}: a time for PostgreSQL's timestamptz columns must be UTC", nameof(parameters));
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = _ef?.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandTimeout = _ef?.Database.GetCommandTimeout() ?? TimeoutSeconds;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = "@" + name;
            p.Value = value ?? DBNull.Value;
            // SQL Server's own inference makes a DateTime its old datetime type (to 3 ms); the columns are datetime2.
            if (value is DateTime && Provider == DbProvider.SqlServer) p.DbType = DbType.DateTime2;
            command.Parameters.Add(p);
        }
        return command;
    }

    /// <summary>Runs a statement that returns no rows (the audit's INSERT).</summary>
    public async Task<int> ExecuteAsync(string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        var opened = OpenIfClosed();
        try
        {
            var command = Command(sql, parameters);
            await using (command.ConfigureAwait(false)) return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        finally
        {
            if (opened) Close();
        }
    }

    /// <summary>Closes a connection of its own; EF's stays EF's.</summary>
    public void Dispose()
    {
        if (_ef is null) Connection.Dispose();
    }
}

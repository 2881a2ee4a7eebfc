using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PayBatch.Core.Domain;
using PayBatch.Core.Localization;

namespace PayBatch.Core.Persistence;

/// <summary>Opens the database for a provider and connection string.</summary>
public static class DbFactory
{
    public const string DefaultSqlite = "Data Source=paybatch.db";

    public static bool TryParseProvider(string? text, out DbProvider provider)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "sqlite": provider = DbProvider.Sqlite; return true;
            case "sqlserver": provider = DbProvider.SqlServer; return true;
            case "postgres" or "postgresql" or "npgsql": provider = DbProvider.Postgres; return true;
            default: provider = default; return false;
        }
    }

    /// <param name="interceptors">EF interceptors, e.g. the fault injection of the resilience tests.</param>
    public static PayBatchDb Create(DbProvider provider, string connectionString, params IInterceptor[] interceptors) => provider switch
    {
        DbProvider.Sqlite => Sqlite(connectionString, interceptors),
        DbProvider.Postgres => Postgres(connectionString, interceptors),
        DbProvider.SqlServer => SqlServer(connectionString, interceptors),
        _ => throw new InputException(CoreText.UnknownProvider, provider),
    };

    // One method per provider: a method's ahead-of-time code loads every assembly it names when it is first
    // called, and a SQLite command has no use for SQL Server's and PostgreSQL's (start-up, issue 15).
    private static SqliteDb Sqlite(string connectionString, IInterceptor[] interceptors)
    {
        SqliteMode.Ensure();
        return new(new DbContextOptionsBuilder<SqliteDb>()
            .UseSqlite(connectionString, o => o.CommandTimeout(PlainDb.TimeoutSeconds)).AddInterceptors([new SqliteCacheSize(), .. interceptors]).Options);
    }

    private static PostgresDb Postgres(string connectionString, IInterceptor[] interceptors) => new(new DbContextOptionsBuilder<PostgresDb>()
        .UseNpgsql(connectionString, o => o.CommandTimeout(PlainDb.TimeoutSeconds)).AddInterceptors(interceptors).Options);

    private static SqlServerDb SqlServer(string connectionString, IInterceptor[] interceptors) => new(new DbContextOptionsBuilder<SqlServerDb>()
        .UseSqlServer(connectionString, o => o.CommandTimeout(PlainDb.TimeoutSeconds)).AddInterceptors(interceptors).Options);
}

// Design-time factories: `dotnet ef migrations add X --context SqliteDb` etc. The connection
// strings are placeholders; generating migrations does not connect.
internal sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteDb>
{
    public SqliteDb CreateDbContext(string[] args) => (SqliteDb)DbFactory.Create(DbProvider.Sqlite, DbFactory.DefaultSqlite);
}

internal sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresDb>
{
    public PostgresDb CreateDbContext(string[] args) => (PostgresDb)DbFactory.Create(DbProvider.Postgres, "Host=localhost;Database=paybatch");
}

internal sealed class SqlServerDesignFactory : IDesignTimeDbContextFactory<SqlServerDb>
{
    public SqlServerDb CreateDbContext(string[] args) => (SqlServerDb)DbFactory.Create(DbProvider.SqlServer, "Server=localhost;Database=paybatch;TrustServerCertificate=true");
}

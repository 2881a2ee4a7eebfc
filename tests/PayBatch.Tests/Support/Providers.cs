using Npgsql;

namespace PayBatch.Tests.Support;

/// <summary>
/// The databases the integration suite runs on: SQLite, and PostgreSQL (the server scripts/test.sh starts,
/// PAYBATCH_TEST_POSTGRES). Without that variable the PostgreSQL cases fail and say why, unless
/// PAYBATCH_TEST_SQLITE_ONLY=1 says on purpose that this run is SQLite only (never on CI).
/// </summary>
public sealed class Providers : TheoryData<string>
{
    public const string ServerVariable = "PAYBATCH_TEST_POSTGRES";
    public const string SqliteOnlyVariable = "PAYBATCH_TEST_SQLITE_ONLY";

    public static string? PostgresServer => Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } s ? s : null;
    public static bool SqliteOnly => Environment.GetEnvironmentVariable(SqliteOnlyVariable) == "1";

    public static string Missing =>
        $"{ServerVariable} is not set: run the tests through scripts/test.sh (it starts a PostgreSQL), or set {SqliteOnlyVariable}=1 to run SQLite only on purpose";

    public Providers()
    {
        Add("sqlite");
        if (!SqliteOnly) Add("postgres");
    }

    /// <summary>A fresh, empty database on the server; dropped with <see cref="Drop"/>.</summary>
    public static string CreatePostgresDatabase()
    {
        var name = "pb_" + Guid.NewGuid().ToString("N")[..12];
        using var admin = new NpgsqlConnection(PostgresServer ?? throw new InvalidOperationException(Missing));
        admin.Open();
        using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
        cmd.ExecuteNonQuery();
        return new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name }.ConnectionString;
    }

    public static void Drop(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        using var admin = new NpgsqlConnection(PostgresServer);
        admin.Open();
        using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
        cmd.ExecuteNonQuery();
    }
}

public class ProviderAvailabilityTests
{
    [Fact]
    public void The_integration_suite_runs_on_PostgreSQL_unless_told_not_to()
    {
        Assert.True(Providers.PostgresServer is not null || Providers.SqliteOnly, Providers.Missing);
        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        Assert.False(ci && Providers.SqliteOnly, $"CI=true runs every provider: unset {Providers.SqliteOnlyVariable}");
        string[] expected = Providers.SqliteOnly ? ["sqlite"] : ["sqlite", "postgres"];
        Assert.Equal(expected, ((IEnumerable<object[]>)new Providers()).Select(row => (string)row[0]));
    }
}

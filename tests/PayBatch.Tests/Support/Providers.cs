using Npgsql;
using PayBatch.Core.Persistence;

namespace PayBatch.Tests.Support;

/// <summary>
/// The databases the integration suite runs on: SQLite always; PostgreSQL when scripts/test.sh
/// started one (PAYBATCH_TEST_POSTGRES). CI must have it: see <see cref="ProviderAvailabilityTests"/>.
/// </summary>
public sealed class Providers : TheoryData<string>
{
    public static string? PostgresServer => Environment.GetEnvironmentVariable("PAYBATCH_TEST_POSTGRES");

    public Providers()
    {
        Add("sqlite");
        if (PostgresServer is not null) Add("postgres");
    }

    /// <summary>A fresh, empty database on the server; dropped with <see cref="Drop"/>.</summary>
    public static string CreatePostgresDatabase()
    {
        var name = "pb_" + Guid.NewGuid().ToString("N")[..12];
        using var admin = new NpgsqlConnection(PostgresServer);
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
    public void CI_runs_the_integration_suite_on_a_real_PostgreSQL()
    {
        if (!string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)) return;
        Assert.True(Providers.PostgresServer is not null, "CI=true but PAYBATCH_TEST_POSTGRES is not set: run the tests through scripts/test.sh");
    }
}

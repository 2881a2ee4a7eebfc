using Microsoft.EntityFrameworkCore;
using PayBatch.Core.Persistence;

namespace PayBatch.Tests.Runs;

/// <summary>A model change without its migration is caught here, for every provider, without a database.</summary>
public class MigrationTests
{
    [Theory]
    [InlineData(DbProvider.Sqlite, "Data Source=:memory:")]
    [InlineData(DbProvider.Postgres, "Host=localhost;Database=none")]
    [InlineData(DbProvider.SqlServer, "Server=localhost;Database=none")]
    public void Every_provider_has_a_migration_for_the_current_model(DbProvider provider, string connectionString)
    {
        using var db = DbFactory.Create(provider, connectionString);
        Assert.False(db.Database.HasPendingModelChanges(), $"{provider}: run 'dotnet ef migrations add' for the {provider}Db context");
        Assert.NotEmpty(db.Database.GetMigrations());
    }
}

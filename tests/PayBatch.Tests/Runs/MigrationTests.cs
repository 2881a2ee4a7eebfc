using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
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
        var ef = db.Database.GetMigrations().Order(StringComparer.Ordinal).ToList();
        Assert.True(ef.Count >= 4, string.Join(", ", ef));
        // The commands that only read find the same migrations without starting EF (SchemaVersion).
        Assert.Equal(ef, SchemaVersion.Migrations(provider));
    }

    [Theory]
    [ClassData(typeof(Support.Providers))]
    public async Task A_command_that_only_reads_brings_a_new_database_up_to_date_first(string provider)
    {
        using var ws = new Support.Workspace(provider);
        ws.RunOk("history");
        var status = ws.Run("status", "--quarter", "2026Q1", "--json");
        Assert.Equal(0, status.ExitCode);
        Assert.Contains("\"approved\": 0", status.Out, StringComparison.Ordinal);
        using (var db = ws.OpenDb()) Assert.Empty(db.Database.GetPendingMigrations());
        // Now current: the next command sees it with one query and migrates nothing.
        using (var plain = await PlainDb.OpenAsync(ws.Provider, ws.ConnectionString, CancellationToken.None))
            Assert.True(await SchemaVersion.IsCurrentAsync(plain, CancellationToken.None));
        var history = ws.RunOk("history", "--json").Out;
        Assert.Contains("\"command\": \"history\"", history, StringComparison.Ordinal);
        Assert.Contains("\"command\": \"status\"", history, StringComparison.Ordinal);
        // --last: that many, newest first; a negative number is refused before anything is read.
        using var last = System.Text.Json.JsonDocument.Parse(ws.RunOk("history", "--json", "--last", "2").Out);
        Assert.Equal(["history", "status"], last.RootElement.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("command").GetString()));
        var negative = ws.Run("history", "--last", "-1");
        Assert.Equal(2, negative.ExitCode);
        Assert.Contains("--last -1 is not a number of entries", negative.Error, StringComparison.Ordinal);
    }
}

/// <summary>
/// Commands open the database with the compiled model (`scripts/optimize-model.sh`), which skips
/// building the model at start-up. It is generated code: a model change without regenerating it is
/// caught here, by comparing it with the model built from <see cref="PayBatchDb"/>'s configuration.
/// </summary>
public class CompiledModelTests
{
    [Theory]
    [InlineData(DbProvider.Sqlite, "Data Source=:memory:")]
    [InlineData(DbProvider.Postgres, "Host=localhost;Database=none")]
    [InlineData(DbProvider.SqlServer, "Server=localhost;Database=none")]
    public void The_compiled_model_is_the_configured_model(DbProvider provider, string connectionString)
    {
        using var db = DbFactory.Create(provider, connectionString);
        var compiled = db.Model;
        var configured = db.GetService<Microsoft.EntityFrameworkCore.Metadata.IDesignTimeModel>().Model;
        Assert.Equal($"{provider}DbModel", compiled.GetType().Name); // the generated one is in use
        Assert.True(Describe(configured).SequenceEqual(Describe(compiled)),
            $"{provider}: the compiled model is out of date; run scripts/optimize-model.sh\n" +
            string.Join('\n', Describe(configured).Except(Describe(compiled)).Take(10).Select(l => "configured only: " + l)
                .Concat(Describe(compiled).Except(Describe(configured)).Take(10).Select(l => "compiled only: " + l))));
    }

    [Fact]
    public void The_comparison_sees_a_difference()
    {
        using var sqlite = DbFactory.Create(DbProvider.Sqlite, "Data Source=:memory:");
        using var postgres = DbFactory.Create(DbProvider.Postgres, "Host=localhost;Database=none");
        Assert.False(Describe(sqlite.Model).SequenceEqual(Describe(postgres.Model))); // column types differ
    }

    /// <summary>What the database and the materialiser see of a model, a line per fact, in a stable order.</summary>
    private static List<string> Describe(Microsoft.EntityFrameworkCore.Metadata.IReadOnlyModel model)
    {
        var lines = new List<string>();
        foreach (var e in model.GetEntityTypes().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            lines.Add($"{e.Name} table {e.GetTableName()}");
            foreach (var p in e.GetProperties())
                lines.Add($"{e.Name}.{p.Name} {p.ClrType.Name} column {p.GetColumnName()} {p.GetColumnType()} null={p.IsNullable} " +
                          $"max={p.GetMaxLength()} generated={p.ValueGenerated} default={p.GetDefaultValue()} sql={p.GetDefaultValueSql()} " +
                          $"stored={p.GetValueConverter()?.ProviderClrType.Name} concurrency={p.IsConcurrencyToken}");
            foreach (var k in e.GetKeys()) lines.Add($"{e.Name} key {string.Join(',', k.Properties.Select(p => p.Name))} primary={k.IsPrimaryKey()}");
            foreach (var i in e.GetIndexes())
                lines.Add($"{e.Name} index {i.GetDatabaseName()} {string.Join(',', i.Properties.Select(p => p.Name))} unique={i.IsUnique} filter={i.GetFilter()}");
            foreach (var f in e.GetForeignKeys())
                lines.Add($"{e.Name} fk {string.Join(',', f.Properties.Select(p => p.Name))} -> {f.PrincipalEntityType.Name} {f.DeleteBehavior}");
            foreach (var n in e.GetNavigations()) lines.Add($"{e.Name} navigation {n.Name} -> {n.TargetEntityType.Name}");
        }
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}

/// <summary>
/// EF Core applies a SQLite migration that rebuilds a table in several transactions; paybatch applies the
/// pending ones as one, so a migration stopped anywhere (a kill, a failed statement) leaves the schema as it
/// was and the next run finishes it. The schema it makes is EF Core's.
/// </summary>
public class SqliteMigrationTests
{
    private const string SecondMigration = "20261126130243_AccountStatements";

    private static string Schema(Support.Workspace ws)
    {
        using var db = ws.OpenDb();
        return string.Join('\n', db.Database.SqlQueryRaw<string>(
            "SELECT type || ' ' || name || ': ' || COALESCE(sql, '') AS \"Value\" FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name").ToList());
    }

    private static void Execute(Support.Workspace ws, string sql) => MigrationLockTests.Execute(ws, sql);

    [Fact]
    public void A_migration_that_fails_half_way_changes_nothing_and_the_next_run_finishes_it()
    {
        using var ws = new Support.Workspace();
        using (var db = ws.OpenDb()) db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().Migrate(SecondMigration);
        // A view someone made over payments: the next migration rebuilds that table, and SQLite refuses to
        // rename the new table into place while the view names the dropped one. EF Core would already have
        // committed the migration's first part (new columns, the copy of the table) by then.
        Execute(ws, "CREATE VIEW \"paid_children\" AS SELECT \"child_iin\" FROM \"payments\"");
        var before = Schema(ws);

        var failed = ws.Run("init");
        Assert.NotEqual(0, failed.ExitCode);
        Assert.Contains("paid_children", failed.Error, StringComparison.Ordinal);
        Assert.Equal(before, Schema(ws));
        using (var db = ws.OpenDb())
        {
            Assert.Equal(["20261123113055_Initial", SecondMigration], db.Database.GetAppliedMigrations());
            Assert.Equal(1, db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM pragma_foreign_keys").AsEnumerable().Single());
        }
        Assert.Equal(0, MigrationLockTests.LockRows(ws));

        Execute(ws, "DROP VIEW \"paid_children\"");
        ws.RunOk("init");
        using (var db = ws.OpenDb()) Assert.Equal(db.Database.GetMigrations(), db.Database.GetAppliedMigrations());
        using var fresh = new Support.Workspace();
        fresh.RunOk("init");
        Assert.Equal(Schema(fresh), Schema(ws));
    }

    [Theory]
    [InlineData("20261123113055_Initial")]
    [InlineData(SecondMigration)]
    [InlineData("20261126145535_BatchRelease")]
    public void A_database_at_any_earlier_migration_is_brought_to_the_schema_of_a_new_one(string at)
    {
        using var ws = new Support.Workspace();
        using (var db = ws.OpenDb()) db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().Migrate(at);
        ws.RunOk("import", "recipients", ws.Write("r.csv", Support.Cases.Csv([Support.Cases.Row(1)])));
        using var fresh = new Support.Workspace();
        fresh.RunOk("init");
        Assert.Equal(Schema(fresh), Schema(ws));
        using var upgraded = ws.OpenDb();
        Assert.Equal(upgraded.Database.GetMigrations(), upgraded.Database.GetAppliedMigrations());
        Assert.Equal(1, upgraded.Cases.Count());
    }

    /// <summary>
    /// The one-transaction script holds only what SQLite runs inside a transaction. EF Core keeps out of its
    /// transactions the foreign-key switches, the history table's creation and its rows; a future migration with
    /// anything else there (a VACUUM, a journal mode) fails here, so that its author decides how it is applied.
    /// </summary>
    [Fact]
    public void Nothing_but_the_foreign_key_switches_and_the_history_is_outside_EF_Core_s_transactions()
    {
        using var db = DbFactory.Create(DbProvider.Sqlite, "Data Source=:memory:");
        var script = db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().GenerateScript();
        var outside = new List<string>();
        var inside = false;
        foreach (var statement in script.Split(";\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (statement == "BEGIN TRANSACTION") inside = true;
            else if (statement == "COMMIT") inside = false;
            else if (!inside) outside.Add(statement.Split('\n')[0]);
        }
        Assert.NotEmpty(outside);
        Assert.All(outside, s => Assert.Matches("^(PRAGMA foreign_keys = [01]|CREATE TABLE IF NOT EXISTS \"__EFMigrationsHistory\" \\(|INSERT INTO \"__EFMigrationsHistory\" .*)$", s));
    }

    [Fact]
    public void The_schema_paybatch_makes_is_the_one_EF_Core_makes()
    {
        using var ours = new Support.Workspace();
        ours.RunOk("init");
        using var ef = new Support.Workspace();
        using (var db = ef.OpenDb()) db.Database.Migrate();
        Assert.Equal(Schema(ef), Schema(ours));
        Assert.Contains("table payments: CREATE TABLE \"payments\"", Schema(ours), StringComparison.Ordinal);
    }
}

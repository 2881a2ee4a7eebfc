using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PayBatch.Core.Persistence;

/// <summary>
/// Whether a database already has exactly this program's migrations, read with one plain query.
/// EF's Migrate answers the same question only after diffing the whole model against the
/// migrations' snapshot, which costs most of a small command's start-up. On SQLite a row left in EF's
/// migration lock table counts as "not current" too, so that <see cref="SchemaMigration"/> clears it.
/// </summary>
public static class SchemaVersion
{
    /// <summary>True when every migration of this program is applied and no other; false when unsure (then migrate).</summary>
    public static async Task<bool> IsCurrentAsync(PlainDb db, CancellationToken ct)
    {
        var applied = new List<string>();
        var opened = db.OpenIfClosed();
        try
        {
            var command = db.Command("SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\"" +
                                     (db.Provider == DbProvider.Sqlite ? $" UNION ALL SELECT '{SchemaMigration.LockTable}' FROM \"{SchemaMigration.LockTable}\"" : ""));
            await using (command.ConfigureAwait(false))
            {
                var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                    while (await reader.ReadAsync(ct).ConfigureAwait(false)) applied.Add(reader.GetString(0));
            }
        }
        catch (DbException)
        {
            return false; // no history table yet (a new database), or one this query cannot read: Migrate decides
        }
        finally
        {
            if (opened) db.Close();
        }
        applied.Sort(StringComparer.Ordinal);
        return applied.SequenceEqual(Migrations(db.Provider), StringComparer.Ordinal);
    }

    /// <summary>
    /// The provider's migrations in this assembly, in order, found as EF finds them (a migration's
    /// [DbContext] and [Migration] attributes) without starting EF: a command that only reads never does.
    /// </summary>
    public static IReadOnlyList<string> Migrations(DbProvider provider) => Found.GetOrAdd(provider, Find);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<DbProvider, IReadOnlyList<string>> Found = new();

    private static IReadOnlyList<string> Find(DbProvider provider)
    {
        var context = provider switch
        {
            DbProvider.Sqlite => typeof(SqliteDb),
            DbProvider.Postgres => typeof(PostgresDb),
            DbProvider.SqlServer => typeof(SqlServerDb),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
        };
        // The namespace first: asking every type of the assembly for its base type or attributes loads the
        // libraries they come from (start-up). MigrationTests holds this list to EF's own for every provider.
        var folder = $"{typeof(SchemaVersion).Namespace}.Migrations.{provider}";
        return typeof(PayBatchDb).Assembly.GetTypes()
            .Where(t => t.Namespace == folder && !t.IsAbstract)
            .Where(t => t.IsSubclassOf(typeof(Migration)) && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == context)
            .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id)
            .OfType<string>()
            .Order(StringComparer.Ordinal)
            .ToList()
            .AsReadOnly();
    }
}

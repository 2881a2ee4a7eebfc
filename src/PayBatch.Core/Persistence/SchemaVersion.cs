using System.Data.Common;
using Microsoft.EntityFrameworkCore;

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
    public static async Task<bool> IsCurrentAsync(PayBatchDb db, CancellationToken ct)
    {
        var expected = db.Database.GetMigrations().Order(StringComparer.Ordinal).ToList();
        var applied = new List<string>();
        await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
        try
        {
            var command = db.Database.GetDbConnection().CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\"" +
                                      (db.Provider == DbProvider.Sqlite ? $" UNION ALL SELECT '{SchemaMigration.LockTable}' FROM \"{SchemaMigration.LockTable}\"" : "");
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
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
        applied.Sort(StringComparer.Ordinal);
        return applied.SequenceEqual(expected, StringComparer.Ordinal);
    }
}

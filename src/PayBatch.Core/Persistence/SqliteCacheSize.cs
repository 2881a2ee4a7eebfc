using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PayBatch.Core.Persistence;

/// <summary>
/// Gives every SQLite connection a 64 MB page cache (SQLite's default is 2 MB). A million-row import
/// inserts into indexes in random key order; with the small cache nearly every insert evicts a page
/// and reads another back. Memory only, the file format and the transactions are unchanged.
/// </summary>
internal sealed class SqliteCacheSize : DbConnectionInterceptor
{
    private const string Pragma = "PRAGMA cache_size = -65536";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = Pragma;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}

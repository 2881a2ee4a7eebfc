using Microsoft.EntityFrameworkCore;

namespace PayBatch.Core.Persistence;

/// <summary>The database login of the current connection, for "who prepared the batch"; SQLite has none.</summary>
public static class DbLogin
{
    public static async Task<string?> OfAsync(PayBatchDb db, CancellationToken ct) => db.Provider switch
    {
        DbProvider.Postgres => await db.Database.SqlQueryRaw<string>("SELECT current_user AS \"Value\"").SingleAsync(ct).ConfigureAwait(false),
        DbProvider.SqlServer => await db.Database.SqlQueryRaw<string>("SELECT SUSER_SNAME() AS [Value]").SingleAsync(ct).ConfigureAwait(false),
        _ => null,
    };
}

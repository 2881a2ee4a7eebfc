using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using PayBatch.Core.Persistence;

namespace PayBatch.Cli;

/// <summary>
/// The audit trail: every command that touched the database — who, when, with which arguments and
/// input files (by hash), how it ended and what it changed — one row in audit_log.
/// </summary>
public static class Audit
{
    [SuppressMessage("Design", "CA1031", Justification = "Whatever fails here, the command's own outcome stands.")]
    public static async Task RecordAsync(CliContext ctx, string command, IReadOnlyList<string> args, DateTime startedUtc, int exitCode)
    {
        if (!ctx.UsedDatabase) return;
        try
        {
            await using var db = ctx.CreateDb();
            db.Audit.Add(new AuditRow
            {
                RunId = ctx.RunId,
                Command = command,
                Arguments = Settings.MaskPassword(string.Join(' ', args.Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"\"{a}\"" : a))) ?? "",
                User = Environment.UserName,
                Machine = Environment.MachineName,
                StartedAtUtc = startedUtc,
                FinishedAtUtc = ctx.Clock.GetUtcNow().UtcDateTime,
                ExitCode = exitCode,
                InputHashes = ctx.InputHashes.Count == 0 ? "" : JsonSerializer.Serialize(ctx.InputHashes),
                Changes = ctx.Changes,
            });
            await db.SaveChangesAsync().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // The audit must not turn a finished command into a failure; the log keeps the trace.
            ctx.Log.Warning("Could not record the audit entry: {Message}", Logging.Redact(e.Message));
        }
    }
}

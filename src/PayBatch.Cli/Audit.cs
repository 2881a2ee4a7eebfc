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
            // A connection of its own, not EF: a command that only read never starts EF Core (PlainDb).
            using var db = await PlainDb.OpenAsync(ctx.Settings.Provider, ctx.Settings.ConnectionString, CancellationToken.None).ConfigureAwait(false);
            // Masked like the log: an argument or a change may carry free text (a cancel reason naming a family's IIN or IBAN).
            var arguments = Logging.Redact(Settings.MaskPassword(string.Join(' ', args.Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"\"{a}\"" : a))) ?? "");
            var finishedUtc = ctx.Clock.GetUtcNow().UtcDateTime;
            var hashes = ctx.InputHashes.Count == 0 ? "" : JsonSerializer.Serialize(ctx.InputHashes);
            await db.ExecuteAsync("""
                INSERT INTO "audit_log" ("run_id", "command", "arguments", "user", "machine", "started_at_utc", "finished_at_utc", "exit_code", "input_hashes", "changes")
                VALUES (@run_id, @command, @arguments, @user, @machine, @started, @finished, @exit_code, @input_hashes, @changes)
                """, CancellationToken.None, ("run_id", ctx.RunId), ("command", command), ("arguments", arguments), ("user", Environment.UserName),
                ("machine", Environment.MachineName), ("started", startedUtc), ("finished", finishedUtc), ("exit_code", exitCode), ("input_hashes", hashes),
                ("changes", Logging.Redact(ctx.Changes))).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // The audit must not turn a finished command into a failure; the log keeps the trace.
            ctx.Log.Warning("Could not record the audit entry: {Message}", Logging.Redact(e.Message));
        }
    }
}

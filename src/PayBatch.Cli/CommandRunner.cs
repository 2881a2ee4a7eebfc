using System.CommandLine;
using System.Text.Json.Nodes;
using PayBatch.Cli.Localization;
using PayBatch.Core.Domain;
using PayBatch.Core;
using PayBatch.Core.Localization;
using PayBatch.Core.Persistence;

namespace PayBatch.Cli;

/// <summary>
/// Runs a command's body with its context and turns every way it can end into an exit code: bad
/// input is 2 (nothing changed), an unexpected fault is 1, the body's own code otherwise.
/// </summary>
public sealed class CommandRunner(CliHost host, GlobalOptions g)
{
    public GlobalOptions Global => g;

    public void Handle(Command command, Func<ParseResult, CliContext, CancellationToken, Task<int>> body, Func<ParseResult, IDictionary<string, string?>>? settingsFromArgs = null) =>
        command.SetAction((parse, ct) => InvokeAsync(command.Name, parse, body, settingsFromArgs, ct));

    private async Task<int> InvokeAsync(string name, ParseResult parse, Func<ParseResult, CliContext, CancellationToken, Task<int>> body,
        Func<ParseResult, IDictionary<string, string?>>? settingsFromArgs, CancellationToken ct)
    {
        var json = parse.GetValue(g.Json);
        var runId = Guid.NewGuid().ToString("N")[..12];
        var startedUtc = host.Clock.GetUtcNow().UtcDateTime;
        CliContext? ctx = null;
        var code = ExitCodes.Failure;
        try
        {
            var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
            {
                ["Database:ConnectionString"] = parse.GetValue(g.Db),
                ["Database:Provider"] = parse.GetValue(g.Provider),
                [Settings.UiLanguageKey] = parse.GetValue(g.Lang),
            };
            if (settingsFromArgs is not null)
                foreach (var kv in settingsFromArgs(parse)) overrides[kv.Key] = kv.Value;
            var settings = Settings.Load(host.WorkingDirectory, host.Environment, overrides);
            _ = settings.UiLanguage; // a wrong Ui:Language is refused, not ignored
            // What any database command sets up first, on the other core while the log opens (start-up, issue 15).
            // A failure here is the command's own to report when it opens the database; observed, not lost.
            _ = Task.Run(() =>
            {
                _ = Resilience.Database;
                _ = SchemaVersion.Migrations(settings.Provider);
            }, ct).ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            var log = Logging.Create(settings.LogsDirectory, runId, parse.GetValue(g.Verbose));
            ctx = new CliContext(host, settings, log, runId, json, parse.GetValue(g.Quiet));
            ctx.Log.Information("paybatch {Command} started", name);
            var started = host.Clock.GetTimestamp();
            code = await body(parse, ctx, ct).ConfigureAwait(false);
            ctx.Log.Information("paybatch {Command} finished with exit code {ExitCode} in {Ms} ms", name, code, (int)host.Clock.GetElapsedTime(started).TotalMilliseconds);
            return code;
        }
        catch (InputException e)
        {
            return code = Fail(ctx, json, ExitCodes.BadInput, e.Message, e.English, null);
        }
        catch (StatedFailureException e)
        {
            return code = Fail(ctx, json, ExitCodes.Failure, e.Localized, e.Message, e);
        }
        catch (OperationCanceledException)
        {
            return code = Fail(ctx, json, ExitCodes.Failure, CliText.Cancelled, CliText.Cancelled.En, null);
        }
        catch (Exception e)
        {
            var why = Describe(e);
            return code = Fail(ctx, json, ExitCodes.Failure, why.ToString(), why.In(Lang.En), e);
        }
        finally
        {
            if (ctx is not null)
            {
                await Audit.RecordAsync(ctx, CommandPath(parse), parse.Tokens.Select(t => t.Value).ToList(), startedUtc, code).ConfigureAwait(false);
                ctx.Dispose();
            }
        }
    }

    /// <summary>The root cause in words; a constraint the database enforced is said as such.</summary>
    internal static Said Describe(Exception e)
    {
        var root = e;
        while (root.InnerException is not null) root = root.InnerException;
        var constraint = root switch
        {
            Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 } => true,
            Npgsql.PostgresException { SqlState: "23505" or "23514" or "23503" } => true,
            Microsoft.Data.SqlClient.SqlException { Number: 2601 or 2627 or 547 } => true,
            _ => false,
        };
        return (constraint ? CliText.DatabaseRefused : CliText.UnexpectedFailure).With(root.Message.Split('\n')[0].Trim());
    }

    /// <summary>What --json prints when a command does not complete.</summary>
    internal static string ErrorJson(int code, string message) =>
        new JsonObject { ["ok"] = false, ["exitCode"] = code, ["error"] = message }.ToJsonString();

    private static string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var r = parse.CommandResult; r is not null; r = r.Parent as System.CommandLine.Parsing.CommandResult)
            if (r.Command is not RootCommand) names.Insert(0, r.Command.Name);
        return string.Join(' ', names);
    }

    /// <summary>Says why the command did not complete: to the person in their language, to the log in English.</summary>
    private int Fail(CliContext? ctx, bool json, int code, string message, string english, Exception? e)
    {
        var safe = Logging.Redact(message);
        if (e is null) ctx?.Log.Warning("Refused: {Message}", Logging.Redact(english));
        else ctx?.Log.Error(e, "Failed: {Message}", Logging.Redact(english));
        if (json) host.Out.WriteLine(ErrorJson(code, safe));
        host.Error.WriteLine(CliText.Error.Format(safe));
        return code;
    }
}

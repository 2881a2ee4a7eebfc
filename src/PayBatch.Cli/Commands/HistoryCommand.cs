using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using PayBatch.Core.Persistence;
using PayBatch.Cli.Localization;

namespace PayBatch.Cli.Commands;

/// <summary><c>paybatch history [--last N]</c>: the audit trail, newest first.</summary>
public static class HistoryCommand
{
    public static Command Build(CommandRunner runner)
    {
        var last = new Option<int>("--last") { Description = CliText.HistoryLast, DefaultValueFactory = _ => 50 };
        var command = new Command("history", CliText.History) { last };
        command.Validators.Add(r =>
        {
            if (CliApp.ValueIfParsed(r, last) is < 0 and var n) r.AddError(CliText.HistoryBadLast.Format(n));
        });
        runner.Handle(command, async (parse, ctx, ct) =>
        {
            using var db = await ctx.OpenForReadingAsync(ct).ConfigureAwait(false);
            var rows = PlainReads.History(db, parse.GetValue(last)).ToList();
            static string T(DateTime d) => d.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            ctx.Result(new JsonObject
            {
                ["entries"] = new JsonArray(rows.Select(a => (JsonNode)new JsonObject
                {
                    ["runId"] = a.RunId, ["command"] = a.Command, ["arguments"] = a.Arguments, ["user"] = a.User, ["machine"] = a.Machine,
                    ["startedAt"] = T(a.StartedAtUtc), ["finishedAt"] = T(a.FinishedAtUtc), ["exitCode"] = a.ExitCode,
                    ["inputHashes"] = a.InputHashes.Length == 0 ? null : JsonNode.Parse(a.InputHashes), ["changes"] = a.Changes,
                }).ToArray()),
            }, w =>
            {
                foreach (var a in rows)
                    w.WriteLine($"{T(a.StartedAtUtc)}  {a.User}@{a.Machine}  {CliText.HistoryExit.Format(a.ExitCode)}  paybatch {a.Arguments}{Environment.NewLine}    {a.Changes}");
            });
            return ExitCodes.Done;
        });
        return command;
    }
}

using System.CommandLine;
using System.Text.Json.Nodes;
using PayBatch.Cli.Localization;

namespace PayBatch.Cli.Commands;

/// <summary><c>paybatch config show</c>: the effective settings and where each came from.</summary>
public static class ConfigCommand
{
    public static Command Build(CommandRunner runner)
    {
        var show = new Command("show", CliText.ConfigShow);
        runner.Handle(show, (parse, ctx, ct) =>
        {
            var rows = ctx.Settings.Effective().ToList();
            ctx.Result(new JsonObject
            {
                ["workingDirectory"] = ctx.Settings.WorkingDirectory,
                ["settings"] = new JsonArray(rows.Select(r => (JsonNode)new JsonObject { ["key"] = r.Key, ["value"] = r.Value, ["source"] = r.Source }).ToArray()),
            }, w =>
            {
                var width = rows.Max(r => r.Key.Length);
                foreach (var (key, value, source) in rows) w.WriteLine($"{key.PadRight(width)}  {value}   [{source}]");
            });
            return Task.FromResult(ExitCodes.Done);
        });
        return new Command("config", CliText.Config) { show };
    }
}

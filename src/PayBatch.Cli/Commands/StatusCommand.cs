using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using PayBatch.Cli.Localization;
using PayBatch.Core.Batches;
using PayBatch.Core.Domain;
using PayBatch.Core.Localization;
using PayBatch.Core.Reporting;

namespace PayBatch.Cli.Commands;

/// <summary>
/// <c>paybatch status --quarter Q [--as-of D]</c>: where the quarter stands and the one command to run
/// next; exit 3 while something needs a person.
/// </summary>
public static class StatusCommand
{
    public static Command Build(CommandRunner runner)
    {
        var quarter = CliApp.QuarterOption();
        var asOf = CliApp.DateOption("--as-of", CliText.StatusAsOf);
        var command = new Command("status", CliText.Status) { quarter, asOf };
        runner.Handle(command, async (parse, ctx, ct) =>
        {
            var q = parse.GetValue(quarter);
            var date = parse.GetValue(asOf) ?? ValueDates.Today(ctx.Clock);
            var l = Labels.For(Langs.Current); // a screen: the command line's language
            var calendar = Task.Run(() => ctx.Data.Calendar, ct); // read while the database opens (start-up, issue 15)
            using var db = await ctx.OpenForReadingAsync(ct).ConfigureAwait(false);
            var s = ReportLoader.Status(db, await calendar.ConfigureAwait(false), q, date, ct);
            ctx.Log.Information("Status {Quarter} as of {AsOf}: {Attention}", q.ToString(), date, string.Join(",", s.Attention));
            ctx.Result(Json(s), w => Screen(s, l, w));
            return s.Attention.Count > 0 ? ExitCodes.NeedsPerson : ExitCodes.Done;
        });
        return command;
    }

    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static JsonObject Json(QuarterStatus s) => new()
    {
        ["quarter"] = s.Quarter.ToString(),
        ["asOf"] = D(s.AsOf),
        ["registry"] = new JsonObject { ["approved"] = s.Approved, ["withCertificate"] = s.WithCertificate, ["missingCertificate"] = s.MissingCertificate },
        ["batches"] = new JsonArray(s.Batches.Select(b => (JsonNode)new JsonObject
        {
            ["batch"] = b.Batch, ["state"] = Codes.Of(b.State), ["valueDate"] = D(b.ValueDate), ["count"] = b.Count, ["total"] = b.Total.ToString(),
            ["deadline"] = D(b.Deadline),
            ["signatures"] = new JsonArray(b.Signatures.Select(g => (JsonNode)new JsonObject
            {
                ["role"] = g.Role, ["iin"] = g.Iin, ["signedAt"] = g.SignedAtUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            }).ToArray()),
        }).ToArray()),
        ["payments"] = new JsonObject(s.Payments.Select(p => KeyValuePair.Create(Codes.Of(p.Status), (JsonNode?)p.Count))),
        ["overdue"] = s.Overdue,
        ["findings"] = s.Findings,
        ["nextDeadline"] = s.NextDeadline is { } d ? D(d) : null,
        ["attention"] = new JsonArray(s.Attention.Select(a => (JsonNode)a).ToArray()),
        ["next"] = s.Next,
        ["reportDue"] = D(s.ReportDue),
    };

    /// <summary>The screen an accountant reads at a glance.</summary>
    private static void Screen(QuarterStatus s, Labels l, TextWriter w)
    {
        w.WriteLine($"{l["quarter"]} {s.Quarter}. {l["asOf"]}: {D(s.AsOf)}. {ReportWriter.DueLine(s.ReportDue, s.AsOf > s.ReportDue, l)}");
        w.WriteLine($"{l["registry"]}: {s.Approved} {l["approved"]}, {s.WithCertificate} {l["withCertificate"]}, {s.MissingCertificate} {l["withoutCertificate"]}");
        w.WriteLine($"{l["batches"]}:");
        foreach (var b in s.Batches)
        {
            var signed = b.Signatures.Count == 0 ? "" : $", {l["signed"]}: {string.Join(", ", b.Signatures.Select(g => g.Role))}";
            w.WriteLine($"  {b.Batch}  {l["b." + Codes.Of(b.State)]}  {l["valueDate"]} {D(b.ValueDate)}  {b.Count} × {l.Money(b.Total)}  {l["deadline"]} {D(b.Deadline)}{signed}");
        }
        if (s.Batches.Count == 0) w.WriteLine($"  {l["none"]}");
        w.WriteLine($"{l["payments"]}: {string.Join(", ", s.Payments.Select(p => $"{l["s." + Codes.Of(p.Status)]} {p.Count}"))}");
        w.WriteLine($"{l["overdueCount"]}: {s.Overdue}. {l["findings"]}: {s.Findings}. {l["nextDeadline"]}: {(s.NextDeadline is { } d ? D(d) : "—")}.");
        w.WriteLine($"{l["attention"]}:");
        foreach (var a in s.Attention) w.WriteLine($"  {a}: {l["a." + a]}");
        if (s.Attention.Count == 0) w.WriteLine($"  {l["nothing"]}");
        w.WriteLine($"{l["next"]}: {s.Next}");
    }
}

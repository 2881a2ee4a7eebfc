using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using PayBatch.Core.Domain;
using PayBatch.Core.Reconciliation;
using PayBatch.Cli.Localization;

namespace PayBatch.Cli.Commands;

/// <summary><c>paybatch payment REFERENCE</c>: one payment, and every bank confirmation line that touched it.</summary>
public static class PaymentCommand
{
    public static Command Build(CommandRunner runner)
    {
        var reference = new Argument<string>("REFERENCE") { Description = CliText.PaymentReference };
        var command = new Command("payment", CliText.Payment) { reference };
        runner.Handle(command, async (parse, ctx, ct) =>
        {
            var text = parse.GetValue(reference)!;
            if (!PaymentReference.TryParse(text, out var parsed)) throw new InputException(CliText.PaymentReferenceInvalid, text);
            await using var db = await ctx.OpenDbAsync(ct).ConfigureAwait(false);
            var trace = await PaymentTrace.LoadAsync(db, parsed.ToString(), ct).ConfigureAwait(false) ?? throw new InputException(CliText.PaymentUnknown, parsed);
            var p = trace.Payment;
            static string? D(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            ctx.Result(new JsonObject
            {
                ["reference"] = p.Reference, ["caseId"] = p.CaseId, ["childIin"] = p.ChildIin, ["bic"] = p.Bic, ["iban"] = p.Iban,
                ["amount"] = new Tenge(p.AmountTiyn).ToString(), ["valueDate"] = D(p.ValueDate), ["status"] = p.Status.Code(),
                ["creditedOn"] = D(p.CreditedOn), ["reason"] = p.StatusReason,
                ["replaces"] = trace.Replaces?.Reference, ["replacedBy"] = trace.ReplacedBy?.Reference,
                ["confirmations"] = new JsonArray(trace.Lines.Select(l => (JsonNode)new JsonObject
                {
                    ["file"] = l.File, ["line"] = l.Line, ["sha256"] = l.FileSha256, ["status"] = l.Status, ["creditedOn"] = D(l.CreditedOn),
                    ["reason"] = l.Reason, ["outcome"] = l.Outcome,
                    ["readAt"] = l.ReadAtUtc.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                }).ToArray()),
                ["batch"] = new JsonObject
                {
                    ["batch"] = trace.BatchReference, ["total"] = new Tenge(trace.Batch.TotalTiyn).ToString(),
                    ["debited"] = trace.Debits.Count == 0 ? null : new Tenge(trace.Debits.Sum(d => d.AmountTiyn)).ToString(),
                    ["finding"] = trace.DebitFinding,
                    ["debits"] = new JsonArray(trace.Debits.Select(d => (JsonNode)new JsonObject
                    {
                        ["file"] = d.File, ["line"] = d.Line, ["location"] = d.Location, ["sha256"] = d.FileSha256,
                        ["amount"] = new Tenge(d.AmountTiyn).ToString(), ["bookedOn"] = D(d.BookedOn),
                    }).ToArray()),
                },
            }, w =>
            {
                w.WriteLine(CliText.PaymentLine.Format(p.Reference, p.CaseId, new Tenge(p.AmountTiyn), p.Iban, p.Bic, D(p.ValueDate)));
                w.WriteLine(CliText.PaymentStatus.Format(p.Status.Code()) + (p.CreditedOn is null ? "" : CliText.PaymentOn.Format(D(p.CreditedOn))) +
                            (p.StatusReason is null ? "" : " (" + p.StatusReason + ")"));
                if (trace.Replaces is not null) w.WriteLine(CliText.PaymentReplaces.Format(trace.Replaces.Status.Code(), trace.Replaces.Reference));
                if (trace.ReplacedBy is not null) w.WriteLine(CliText.PaymentReplacedBy.Format(trace.ReplacedBy.Reference));
                foreach (var l in trace.Lines)
                    w.WriteLine(CliText.PaymentConfirmation.Format(l.Outcome, l.File, l.Line, l.FileSha256[..12], l.Status, D(l.CreditedOn), l.Reason,
                        l.ReadAtUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)));
                if (trace.Lines.Count == 0) w.WriteLine(CliText.PaymentNoConfirmation);
                var debited = trace.Debits.Count == 0 ? CliText.PaymentNoDebit.ToString() : CliText.PaymentDebited.Format(new Tenge(trace.Debits.Sum(d => d.AmountTiyn)));
                w.WriteLine(CliText.PaymentBatch.Format(trace.BatchReference, new Tenge(trace.Batch.TotalTiyn), debited) + (trace.DebitFinding is { } f ? "  " + f : ""));
                foreach (var d in trace.Debits)
                    w.WriteLine(CliText.PaymentDebit.Format(new Tenge(d.AmountTiyn), d.File, d.Line, d.Location, d.FileSha256[..12], D(d.BookedOn)));
            });
            return ExitCodes.Done;
        });
        return command;
    }
}

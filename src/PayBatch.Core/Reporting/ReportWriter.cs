using System.Globalization;
using System.Text;
using System.Text.Json;
using PayBatch.Core.Eligibility;
using PayBatch.Core.Domain;
using PayBatch.Core.Output;
using PayBatch.Core.Reconciliation;

namespace PayBatch.Core.Reporting;

/// <summary>The four renderings of one <see cref="ReportFigures"/>: json, md, csv and a self-contained html.</summary>
public static class ReportWriter
{
    private static string Inv(decimal? p) => p?.ToString("0.0", CultureInfo.InvariantCulture) ?? "";
    private static string I(int n) => n.ToString(CultureInfo.InvariantCulture);

    public static string Json(ReportFigures f)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, JsonOptions))
        {
            w.WriteStartObject();
            w.WriteString("quarter", f.Quarter.ToString());
            w.WriteString("asOf", Labels.Date(f.AsOf));
            w.WriteString("due", Labels.Date(f.Due));
            w.WriteBoolean("late", f.IsLate);
            WritePaymentsAndAmounts(w, f.Totals);
            w.WriteStartArray("batches");
            foreach (var b in f.Batches)
            {
                w.WriteStartObject();
                w.WriteString("batch", b.Batch);
                w.WriteString("total", b.Total.ToString());
                if (b.Debited is null) w.WriteNull("debited"); else w.WriteString("debited", b.Debited.Value.ToString());
                if (b.Difference is null) w.WriteNull("difference"); else w.WriteString("difference", b.Difference.Value.ToString());
                w.WriteEndObject();
            }
            w.WriteEndArray();
            WriteSla(w, f.Totals);
            w.WriteStartObject("exclusions");
            foreach (var (reason, count) in f.Exclusions) w.WriteNumber(reason.Code(), count);
            w.WriteEndObject();
            w.WriteStartArray("byDistrict");
            foreach (var d in f.ByDistrict)
            {
                w.WriteStartObject();
                w.WriteString("district", d.Key);
                w.WriteNumber("count", d.Count);
                w.WriteString("amount", d.Amount.ToString());
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("byBank");
            foreach (var b in f.ByBank)
            {
                w.WriteStartObject();
                w.WriteString("bic", b.Key);
                w.WriteNumber("count", b.Count);
                w.WriteString("amount", b.Amount.ToString());
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartObject("decisions");
            w.WriteNumber("total", f.Decisions);
            w.WriteNumber("within5Days", f.DecisionsWithin5Days);
            if (f.DecisionsWithin5DaysPercent is null) w.WriteNull("percent");
            else w.WriteString("percent", Inv(f.DecisionsWithin5DaysPercent));
            w.WriteEndObject();
            w.WriteStartArray("daysToCredit");
            foreach (var (days, count) in f.DaysToCredit)
            {
                w.WriteStartObject();
                w.WriteNumber("bankingDays", days);
                w.WriteNumber("count", count);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("releases");
            foreach (var b in f.Releases)
            {
                w.WriteStartObject();
                w.WriteString("batch", b.Batch);
                w.WriteString("state", Codes.Of(b.State));
                w.WriteString("preparedBy", b.PreparedBy);
                if (b.PreparedByDbLogin is null) w.WriteNull("preparedByDbLogin"); else w.WriteString("preparedByDbLogin", b.PreparedByDbLogin);
                w.WriteStartArray("signatures");
                foreach (var s in b.Signatures)
                {
                    w.WriteStartObject();
                    w.WriteString("role", s.Role);
                    w.WriteString("name", s.Name);
                    w.WriteString("iin", Domain.Iin.Mask(s.Iin));
                    w.WriteString("thumbprint", s.Thumbprint);
                    w.WriteString("signedAt", Release.ReleaseRecord.Time(s.SignedAtUtc));
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("breaches");
            foreach (var b in f.Breaches)
            {
                w.WriteStartObject();
                w.WriteString("reference", b.Reference);
                w.WriteString("caseId", b.CaseId);
                w.WriteString("bic", b.Bic);
                w.WriteString("valueDate", Labels.Date(b.ValueDate));
                w.WriteString("deadline", Labels.Date(b.Deadline));
                w.WriteString("status", b.Status.Code());
                if (b.CreditedOn is null) w.WriteNull("creditedOn"); else w.WriteString("creditedOn", Labels.Date(b.CreditedOn));
                if (b.BankingDays is null) w.WriteNull("bankingDays"); else w.WriteNumber("bankingDays", b.BankingDays.Value);
                w.WriteString("sla", b.Sla.Code());
                w.WriteEndObject();
            }
            w.WriteEndArray();
            WriteIndicators(w, f.Indicators);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(ms.ToArray()) + "\n";
    }

    internal static readonly JsonWriterOptions JsonOptions =
        new() { Indented = true, NewLine = "\n", Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The <c>payments</c> and <c>amounts</c> objects, the same for a quarter and a year.</summary>
    internal static void WritePaymentsAndAmounts(Utf8JsonWriter w, PaymentTotals t)
    {
        w.WriteStartObject("payments");
        w.WriteNumber("issued", t.Issued);
        w.WriteNumber("credited", t.Credited);
        w.WriteNumber("rejected", t.Rejected);
        w.WriteNumber("returned", t.Returned);
        w.WriteNumber("reissued", t.Reissued);
        w.WriteEndObject();
        w.WriteStartObject("amounts");
        w.WriteString("issued", t.IssuedAmount.ToString());
        w.WriteString("credited", t.CreditedAmount.ToString());
        w.WriteString("rejected", t.RejectedAmount.ToString());
        w.WriteString("returned", t.ReturnedAmount.ToString());
        w.WriteEndObject();
    }

    /// <summary>The <c>sla</c> object, the same for a quarter and a year.</summary>
    internal static void WriteSla(Utf8JsonWriter w, PaymentTotals t)
    {
        w.WriteStartObject("sla");
        w.WriteNumber("onTime", t.OnTime);
        w.WriteNumber("late", t.Late);
        w.WriteNumber("overdue", t.Overdue);
        w.WriteNumber("pending", t.Pending);
        if (t.OnTimePercent is null) w.WriteNull("onTimePercent");
        else w.WriteString("onTimePercent", Inv(t.OnTimePercent));
        w.WriteString("normativePercent", I(PaymentTotals.NormativePercent));
        w.WriteEndObject();
    }

    /// <summary>The Appendix 2 rows: numbers as strings, <c>value</c> null when not measured.</summary>
    internal static void WriteIndicators(Utf8JsonWriter w, IReadOnlyList<IndicatorRow> rows)
    {
        w.WriteStartArray("indicators");
        foreach (var r in rows)
        {
            w.WriteStartObject();
            w.WriteString("id", r.Id);
            w.WriteString("normative", IndicatorRow.Number(r.Normative));
            w.WriteString("target", IndicatorRow.Number(r.Target));
            if (r.ValueText is null) w.WriteNull("value"); else w.WriteString("value", r.ValueText);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>The report's due date, and from the day after it that the report is late.</summary>
    public static string DueLine(DateOnly due, bool late, Labels l) =>
        (late ? $"{l["lateReport"]}. " : "") + $"{l["due"]}: {Labels.Date(due)}.";

    /// <summary>Appendix 2 as a markdown table.</summary>
    internal static void IndicatorsMarkdown(StringBuilder sb, IReadOnlyList<IndicatorRow> rows, Labels l)
    {
        sb.Append(CultureInfo.InvariantCulture, $"## {l["indicators"]}\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"| № | {l["indicatorText"]} | {l["normative"]} | {l["target"]} | {l["current"]} |\n");
        sb.Append("| --- | --- | ---: | ---: | ---: |\n");
        foreach (var r in rows)
            sb.Append(CultureInfo.InvariantCulture, $"| {r.Id} | {r.Definition.Text(l.Lang)} | {l.Number(IndicatorRow.Number(r.Normative))} | {l.Number(IndicatorRow.Number(r.Target))} | {l.Number(r.ValueText)} |\n");
    }

    /// <summary>Appendix 2 as an html table.</summary>
    internal static string IndicatorsHtml(IReadOnlyList<IndicatorRow> rows, Labels l)
    {
        static string E(string s) => Labels.Escape(s);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<h2>{E(l["indicators"])}</h2><table><tr><th>№</th><th>{E(l["indicatorText"])}</th><th>{E(l["normative"])}</th><th>{E(l["target"])}</th><th>{E(l["current"])}</th></tr>\n");
        foreach (var r in rows)
            sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{r.Id}</td><td>{E(r.Definition.Text(l.Lang))}</td><td class=\"n\">{E(l.Number(IndicatorRow.Number(r.Normative)))}</td><td class=\"n\">{E(l.Number(IndicatorRow.Number(r.Target)))}</td><td class=\"n\">{E(l.Number(r.ValueText))}</td></tr>\n");
        sb.Append("</table>");
        return sb.ToString();
    }

    /// <summary>The Appendix 2 rows of a csv: the value (percent column), the normative and the target, each a row.</summary>
    internal static void IndicatorsCsv(CsvText csv, IReadOnlyList<IndicatorRow> rows, Labels l)
    {
        foreach (var r in rows) csv.Row("indicators", r.Id, r.Definition.Text(l.Lang), null, null, r.ValueText);
        foreach (var r in rows) csv.Row("indicatorNormative", r.Id, l["normative"], null, null, IndicatorRow.Number(r.Normative));
        foreach (var r in rows) csv.Row("indicatorTarget", r.Id, l["target"], null, null, IndicatorRow.Number(r.Target));
    }

    /// <summary>One row per figure: section, key, label, count, amount, percent (numbers invariant, labels translated).</summary>
    /// <summary>The OS user who ran the batch, with the database login where there is one.</summary>
    private static string PreparedBy(Release.ReleaseRecord r) => r.PreparedByDbLogin is { } login ? $"{r.PreparedBy} ({login})" : r.PreparedBy;

    /// <summary>A signature as the report shows it: role, name, masked IIN, certificate SHA-256 and time.</summary>
    private static string Signature(Release.BatchSignature g) =>
        $"{g.Role}: {g.Name}, {Domain.Iin.Mask(g.Iin)}, sha256 {g.Thumbprint[..16]}…, {Release.ReleaseRecord.Time(g.SignedAtUtc)}";

    private static string Signatures(Release.ReleaseRecord r) => r.Signatures.Count == 0 ? "—" : string.Join("; ", r.Signatures.Select(Signature));

    public static string Csv(ReportFigures f, Labels l)
    {
        var csv = new CsvText().Row("section", "key", "label", "count", "amount", "percent");
        csv.Row("report", f.Quarter.ToString(), l["quarter"], null, null, null).Row("report", Labels.Date(f.AsOf), l["asOf"], null, null, null);
        csv.Row("report", Labels.Date(f.Due), f.IsLate ? l["lateReport"] : l["due"], null, null, null);
        csv.Row("payments", "issued", l["issued"], I(f.Issued), f.IssuedAmount.ToString(), null);
        csv.Row("payments", "credited", l["credited"], I(f.Credited), f.CreditedAmount.ToString(), null);
        csv.Row("payments", "rejected", l["rejected"], I(f.Rejected), f.RejectedAmount.ToString(), null);
        csv.Row("payments", "returned", l["returned"], I(f.Returned), f.ReturnedAmount.ToString(), null);
        csv.Row("payments", "reissued", l["reissued"], I(f.Reissued), null, null);
        foreach (var b in f.Batches)
        {
            csv.Row("batches", b.Batch, l["controlSum"], null, b.Total.ToString(), null);
            csv.Row("batches", b.Batch, l["debited"], null, b.Debited?.ToString(), null);
            csv.Row("batches", b.Batch, l["difference"], null, b.Difference?.ToString(), null);
        }
        foreach (var r in f.Releases)
        {
            csv.Row("releases", r.Batch, $"{l["state"]}: {l["b." + Codes.Of(r.State)]}", null, null, null);
            csv.Row("releases", r.Batch, $"{l["preparedBy"]}: {PreparedBy(r)}", null, null, null);
            foreach (var g in r.Signatures) csv.Row("releases", r.Batch, $"{l["signatures"]}: {Signature(g)}", null, null, null);
        }
        csv.Row("sla", "onTime", l["onTime"], I(f.OnTime), null, null);
        csv.Row("sla", "late", l["late"], I(f.Late), null, null);
        csv.Row("sla", "overdue", l["overdue"], I(f.Overdue), null, null);
        csv.Row("sla", "pending", l["pending"], I(f.Pending), null, null);
        csv.Row("sla", "onTimePercent", l["indicator"], null, null, Inv(f.OnTimePercent));
        csv.Row("sla", "normativePercent", l["normative"], null, null, I(ReportFigures.NormativePercent));
        csv.Row("decisions", "within5Days", l["decisions"], I(f.DecisionsWithin5Days), null, Inv(f.DecisionsWithin5DaysPercent));
        csv.Row("decisions", "total", l["decisions"], I(f.Decisions), null, null);
        foreach (var (reason, count) in f.Exclusions) csv.Row("exclusions", reason.Code(), l.Reason(reason), I(count), null, null);
        foreach (var d in f.ByDistrict) csv.Row("byDistrict", d.Key, d.Key, I(d.Count), d.Amount.ToString(), null);
        foreach (var b in f.ByBank) csv.Row("byBank", b.Key, b.Key, I(b.Count), b.Amount.ToString(), null);
        foreach (var (days, count) in f.DaysToCredit) csv.Row("daysToCredit", I(days), l["bankingDays"], I(count), null, null);
        foreach (var b in f.Breaches) csv.Row("breaches", b.Reference, l.Sla(b.Sla), b.BankingDays is null ? null : I(b.BankingDays.Value), null, null);
        IndicatorsCsv(csv, f.Indicators, l);
        return csv.ToString();
    }

    public static string Markdown(ReportFigures f, Labels l)
    {
        var sb = new StringBuilder();
        void Line(string s = "") => sb.Append(s).Append('\n');
        Line($"# {l["title"]} — {f.Quarter}");
        Line();
        Line($"{l.Subtitle(f.Coefficient)}. {l["asOf"]}: {Labels.Date(f.AsOf)}.");
        Line();
        Line(DueLine(f.Due, f.IsLate, l));
        Line();
        Line($"## {l["summary"]}");
        Line();
        Line($"| {l["status"]} | {l["count"]} | {l["amount"]} |");
        Line("| --- | ---: | ---: |");
        Line($"| {l["issued"]} | {f.Issued} | {l.Money(f.IssuedAmount)} |");
        Line($"| {l["credited"]} | {f.Credited} | {l.Money(f.CreditedAmount)} |");
        Line($"| {l["rejected"]} | {f.Rejected} | {l.Money(f.RejectedAmount)} |");
        Line($"| {l["returned"]} | {f.Returned} | {l.Money(f.ReturnedAmount)} |");
        Line($"| {l["reissued"]} | {f.Reissued} | |");
        Line();
        Line($"## {l["debits"]}");
        Line();
        Line($"| {l["batch"]} | {l["controlSum"]} | {l["debited"]} | {l["difference"]} |");
        Line("| --- | ---: | ---: | ---: |");
        foreach (var b in f.Batches)
            Line($"| {b.Batch} | {l.Money(b.Total)} | {(b.Debited is { } d ? l.Money(d) : l["notDebited"])} | {(b.Difference is { } x ? l.Money(x) : "")} |");
        Line();
        Line($"## {l["releases"]}");
        Line();
        Line($"| {l["batch"]} | {l["state"]} | {l["preparedBy"]} | {l["signatures"]} |");
        Line("| --- | --- | --- | --- |");
        foreach (var r in f.Releases)
            Line($"| {r.Batch} | {l["b." + Codes.Of(r.State)]} | {PreparedBy(r)} | {Signatures(r)} |");
        Line();
        Line($"## {l["sla"]}");
        Line();
        Line($"| {l["status"]} | {l["count"]} |");
        Line("| --- | ---: |");
        Line($"| {l["onTime"]} | {f.OnTime} |");
        Line($"| {l["late"]} | {f.Late} |");
        Line($"| {l["overdue"]} | {f.Overdue} |");
        Line($"| {l["pending"]} | {f.Pending} |");
        Line();
        Line($"**{l["indicator"]}: {l.Percent(f.OnTimePercent)}** ({l["normative"]}: {ReportFigures.NormativePercent} %)");
        Line();
        Line($"{l["decisions"]}: {f.DecisionsWithin5Days} / {f.Decisions} ({l.Percent(f.DecisionsWithin5DaysPercent)})");
        Line();
        Table(l["byDistrict"], l["district"], f.ByDistrict);
        Table(l["byBank"], l["bank"], f.ByBank);
        Line($"## {l["exclusions"]}");
        Line();
        Line($"| {l["reason"]} | {l["count"]} |");
        Line("| --- | ---: |");
        foreach (var (reason, count) in f.Exclusions) Line($"| {l.Reason(reason)} (`{reason.Code()}`) | {count} |");
        Line();
        Line($"## {l["breaches"]}");
        Line();
        if (f.Breaches.Count == 0) Line(l["none"]);
        else
        {
            Line($"| {l["reference"]} | {l["caseId"]} | {l["bank"]} | {l["valueDate"]} | {l["deadline"]} | {l["creditedOn"]} | {l["bankingDays"]} | {l["status"]} |");
            Line("| --- | --- | --- | --- | --- | --- | ---: | --- |");
            foreach (var b in f.Breaches)
                Line($"| {b.Reference} | {b.CaseId} | {b.Bic} | {Labels.Date(b.ValueDate)} | {Labels.Date(b.Deadline)} | {Labels.Date(b.CreditedOn)} | {b.BankingDays} | {l.Sla(b.Sla)} |");
        }
        Line();
        Line($"## {l["chart"]}");
        Line();
        Line($"| {l["bankingDays"]} | {l["count"]} |");
        Line("| ---: | ---: |");
        foreach (var (days, count) in f.DaysToCredit) Line($"| {days} | {count} |");
        Line();
        IndicatorsMarkdown(sb, f.Indicators, l);
        return sb.ToString();

        void Table(string title, string keyLabel, IReadOnlyList<CountAmount> rows)
        {
            Line($"## {title}");
            Line();
            Line($"| {keyLabel} | {l["count"]} | {l["amount"]} |");
            Line("| --- | ---: | ---: |");
            foreach (var r in rows) Line($"| {r.Key} | {r.Count} | {l.Money(r.Amount)} |");
            Line();
        }
    }

    /// <summary>The page style the quarterly and the annual html share, ending the head and opening the body.</summary>
    internal const string HtmlStyle = "<style>body{font-family:'DejaVu Sans',Arial,sans-serif;margin:2em;color:#222}h1{font-size:1.5em}h2{font-size:1.15em;margin-top:1.6em;border-bottom:1px solid #ccc}" +
             "table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #bbb;padding:.25em .6em}td.n{text-align:right}th{background:#f0f0f0}" +
             ".kpi{font-size:1.3em;font-weight:bold}.ok{color:#1a7f37}.bad{color:#b42318}@media print{body{margin:1cm}}</style></head><body>";

    /// <summary>One self-contained page to open and print: no scripts, no external files; the chart is inline SVG.</summary>
    public static string Html(ReportFigures f, Labels l)
    {
        static string E(string s) => Labels.Escape(s);
        var sb = new StringBuilder();
        void Line(string s) => sb.Append(s).Append('\n');
        Line("<!DOCTYPE html>");
        Line($"<html lang=\"{l.Lang}\"><head><meta charset=\"utf-8\"><title>{E(l["title"])} — {f.Quarter}</title>");
        Line(HtmlStyle);
        Line($"<h1>{E(l["title"])} — {f.Quarter}</h1><p>{E(l.Subtitle(f.Coefficient))}. {E(l["asOf"])}: {Labels.Date(f.AsOf)}.</p>");
        Line($"<p class=\"{(f.IsLate ? "bad" : "")}\">{E(DueLine(f.Due, f.IsLate, l))}</p>");
        var kpiClass = f.OnTimePercent is null ? "" : f.OnTimePercent >= ReportFigures.NormativePercent ? "ok" : "bad";
        Line($"<p class=\"kpi {kpiClass}\">{E(l["indicator"])}: {E(l.Percent(f.OnTimePercent))}</p><p>{E(l["normative"])}: {ReportFigures.NormativePercent} %. {E(l["decisions"])}: {f.DecisionsWithin5Days} / {f.Decisions} ({E(l.Percent(f.DecisionsWithin5DaysPercent))}).</p>");
        Line($"<h2>{E(l["summary"])}</h2><table><tr><th>{E(l["status"])}</th><th>{E(l["count"])}</th><th>{E(l["amount"])}</th></tr>");
        Line($"<tr><td>{E(l["issued"])}</td><td class=\"n\">{f.Issued}</td><td class=\"n\">{E(l.Money(f.IssuedAmount))}</td></tr>");
        Line($"<tr><td>{E(l["credited"])}</td><td class=\"n\">{f.Credited}</td><td class=\"n\">{E(l.Money(f.CreditedAmount))}</td></tr>");
        Line($"<tr><td>{E(l["rejected"])}</td><td class=\"n\">{f.Rejected}</td><td class=\"n\">{E(l.Money(f.RejectedAmount))}</td></tr>");
        Line($"<tr><td>{E(l["returned"])}</td><td class=\"n\">{f.Returned}</td><td class=\"n\">{E(l.Money(f.ReturnedAmount))}</td></tr>");
        Line($"<tr><td>{E(l["reissued"])}</td><td class=\"n\">{f.Reissued}</td><td></td></tr></table>");
        Line($"<h2>{E(l["debits"])}</h2><table><tr><th>{E(l["batch"])}</th><th>{E(l["controlSum"])}</th><th>{E(l["debited"])}</th><th>{E(l["difference"])}</th></tr>");
        foreach (var b in f.Batches)
            Line($"<tr><td>{b.Batch}</td><td class=\"n\">{E(l.Money(b.Total))}</td><td class=\"n\">{E(b.Debited is { } d ? l.Money(d) : l["notDebited"])}</td><td class=\"n\">{E(b.Difference is { } x ? l.Money(x) : "")}</td></tr>");
        Line("</table>");
        Line($"<h2>{E(l["releases"])}</h2><table><tr><th>{E(l["batch"])}</th><th>{E(l["state"])}</th><th>{E(l["preparedBy"])}</th><th>{E(l["signatures"])}</th></tr>");
        foreach (var r in f.Releases)
            Line($"<tr><td>{r.Batch}</td><td>{E(l["b." + Codes.Of(r.State)])}</td><td>{E(PreparedBy(r))}</td><td>{E(Signatures(r))}</td></tr>");
        Line("</table>");
        Line($"<h2>{E(l["sla"])}</h2><table><tr><th>{E(l["status"])}</th><th>{E(l["count"])}</th></tr>");
        foreach (var (key, n) in new[] { ("onTime", f.OnTime), ("late", f.Late), ("overdue", f.Overdue), ("pending", f.Pending) })
            Line($"<tr><td>{E(l[key])}</td><td class=\"n\">{n}</td></tr>");
        Line("</table>");
        Line($"<h2>{E(l["chart"])}</h2>");
        Line(Chart(f, l));
        Line($"<p><span class=\"ok\">■</span> 0–{Sla.DeadlineBankingDays}: {E(l["onTime"])} &nbsp; <span class=\"bad\">■</span> &gt; {Sla.DeadlineBankingDays}: {E(l["late"])}</p>");
        foreach (var (title, keyLabel, rows) in new[] { (l["byDistrict"], l["district"], f.ByDistrict), (l["byBank"], l["bank"], f.ByBank) })
        {
            Line($"<h2>{E(title)}</h2><table><tr><th>{E(keyLabel)}</th><th>{E(l["count"])}</th><th>{E(l["amount"])}</th></tr>");
            foreach (var r in rows) Line($"<tr><td>{E(r.Key)}</td><td class=\"n\">{r.Count}</td><td class=\"n\">{E(l.Money(r.Amount))}</td></tr>");
            Line("</table>");
        }
        Line($"<h2>{E(l["exclusions"])}</h2><table><tr><th>{E(l["reason"])}</th><th>{E(l["count"])}</th></tr>");
        foreach (var (reason, count) in f.Exclusions) Line($"<tr><td>{E(l.Reason(reason))} <code>{reason.Code()}</code></td><td class=\"n\">{count}</td></tr>");
        Line("</table>");
        Line($"<h2>{E(l["breaches"])}</h2>");
        if (f.Breaches.Count == 0) Line($"<p>{E(l["none"])}</p>");
        else
        {
            Line($"<table><tr><th>{E(l["reference"])}</th><th>{E(l["caseId"])}</th><th>{E(l["bank"])}</th><th>{E(l["valueDate"])}</th><th>{E(l["deadline"])}</th><th>{E(l["creditedOn"])}</th><th>{E(l["bankingDays"])}</th><th>{E(l["status"])}</th></tr>");
            foreach (var b in f.Breaches)
                Line($"<tr><td>{b.Reference}</td><td>{E(b.CaseId)}</td><td>{b.Bic}</td><td>{Labels.Date(b.ValueDate)}</td><td>{Labels.Date(b.Deadline)}</td><td>{Labels.Date(b.CreditedOn)}</td><td class=\"n\">{b.BankingDays}</td><td class=\"bad\">{E(l.Sla(b.Sla))}</td></tr>");
            Line("</table>");
        }
        Line(IndicatorsHtml(f.Indicators, l));
        Line("</body></html>");
        return sb.ToString();
    }

    /// <summary>Days-to-credit bars: 0–5 banking days on time (green), above that late (red).</summary>
    private static string Chart(ReportFigures f, Labels l)
    {
        var counts = f.DaysToCredit.ToDictionary(d => d.Days, d => d.Count);
        var maxDay = Math.Max(7, counts.Keys.DefaultIfEmpty(0).Max());
        var maxCount = Math.Max(1, counts.Values.DefaultIfEmpty(0).Max());
        const int barWidth = 36, height = 160, left = 40, bottom = 30, top = 20;
        var width = left + ((maxDay + 1) * barWidth) + 20;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height + bottom + top}\" role=\"img\" aria-label=\"{Labels.Escape(l["chart"])}\">");
        sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{top + height}\" x2=\"{width - 10}\" y2=\"{top + height}\" stroke=\"#555\"/>");
        for (var d = 0; d <= maxDay; d++)
        {
            var n = counts.GetValueOrDefault(d);
            var h = n * height / maxCount;
            var x = left + (d * barWidth) + 4;
            var color = Sla.IsLate(d) ? "#d1432f" : "#2e9e4f";
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{top + height - h}\" width=\"{barWidth - 8}\" height=\"{h}\" fill=\"{color}\"><title>{d}: {n}</title></rect>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + ((barWidth - 8) / 2)}\" y=\"{top + height + 16}\" font-size=\"12\" text-anchor=\"middle\">{d}</text>");
            if (n > 0) sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + ((barWidth - 8) / 2)}\" y=\"{top + height - h - 4}\" font-size=\"12\" text-anchor=\"middle\">{n}</text>");
        }
        var limitX = left + ((Sla.DeadlineBankingDays + 1) * barWidth);
        sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{limitX}\" y1=\"{top}\" x2=\"{limitX}\" y2=\"{top + height}\" stroke=\"#b42318\" stroke-dasharray=\"4 3\"/>");
        sb.Append("</svg>");
        return sb.ToString();
    }
}

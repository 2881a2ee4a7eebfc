using System.Globalization;
using System.Text;
using System.Text.Json;
using PayBatch.Core.Output;

namespace PayBatch.Core.Reporting;

/// <summary>The four renderings of one <see cref="YearFigures"/>: json, md, csv and a self-contained html.</summary>
public static class YearReportWriter
{
    /// <summary>A figure of the side-by-side table: its section and key (as in json), label, and how it is written.</summary>
    private sealed record Figure(string Section, string Key, string Label, Func<PaymentTotals, string?> Invariant, Func<PaymentTotals, Labels, string> Shown);

    private static Figure Count(string section, string key, Func<PaymentTotals, int> get) =>
        new(section, key, key, t => I(get(t)), (t, _) => I(get(t)));

    private static Figure Money(string key, Func<PaymentTotals, Domain.Tenge> get) =>
        new("amounts", key, key, t => get(t).ToString(), (t, l) => l.Money(get(t)));

    private static readonly Figure[] Payments =
        [Count("payments", "issued", t => t.Issued), Count("payments", "credited", t => t.Credited),
         Count("payments", "rejected", t => t.Rejected), Count("payments", "returned", t => t.Returned), Count("payments", "reissued", t => t.Reissued)];

    private static readonly Figure[] Amounts =
        [Money("issued", t => t.IssuedAmount), Money("credited", t => t.CreditedAmount), Money("rejected", t => t.RejectedAmount),
         Money("returned", t => t.ReturnedAmount)];

    private static readonly Figure[] Sla =
        [Count("sla", "onTime", t => t.OnTime), Count("sla", "late", t => t.Late), Count("sla", "overdue", t => t.Overdue),
         Count("sla", "pending", t => t.Pending),
         new("sla", "onTimePercent", "indicator", t => P(t.OnTimePercent), (t, l) => l.Percent(t.OnTimePercent))];

    private static string I(int n) => n.ToString(CultureInfo.InvariantCulture);
    private static string? P(decimal? p) => p?.ToString("0.0", CultureInfo.InvariantCulture);

    public static string Json(YearFigures y)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, ReportWriter.JsonOptions))
        {
            w.WriteStartObject();
            w.WriteNumber("year", y.Year);
            w.WriteString("asOf", Labels.Date(y.AsOf));
            w.WriteString("due", Labels.Date(y.Due));
            w.WriteBoolean("late", y.IsLate);
            w.WriteStartArray("quarters");
            foreach (var q in y.Quarters)
            {
                w.WriteStartObject();
                w.WriteString("quarter", q.Quarter.ToString());
                ReportWriter.WritePaymentsAndAmounts(w, q.Totals);
                ReportWriter.WriteSla(w, q.Totals);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartObject("totals");
            ReportWriter.WritePaymentsAndAmounts(w, y.Totals);
            ReportWriter.WriteSla(w, y.Totals);
            w.WriteEndObject();
            ReportWriter.WriteIndicators(w, y.Indicators);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(ms.ToArray()) + "\n";
    }

    /// <summary>
    /// One row per figure with a column per quarter and one for the year (numbers invariant, labels
    /// translated); the indicators add their normative and target.
    /// </summary>
    public static string Csv(YearFigures y, Labels l)
    {
        var csv = new CsvText().Row(["section", "key", "label", .. y.Quarters.Select(q => q.Quarter.ToString()), I(y.Year), "normative", "target"]);
        string?[] blank = [null, null, null, null, null, null, null];
        csv.Row(["report", I(y.Year), l["yearTitle"], .. blank]).Row(["report", Labels.Date(y.AsOf), l["asOf"], .. blank]);
        csv.Row(["report", Labels.Date(y.Due), y.IsLate ? l["lateReport"] : l["due"], .. blank]);
        foreach (var f in Payments.Concat(Amounts).Concat(Sla))
            csv.Row([f.Section, f.Key, l[f.Label], .. y.Quarters.Select(q => f.Invariant(q.Totals)), f.Invariant(y.Totals), null, null]);
        foreach (var (r, i) in y.Indicators.Select((r, i) => (r, i)))
            csv.Row(["indicators", r.Id, r.Definition.Text(l.Lang), .. y.Quarters.Select(q => q.Indicators[i].ValueText), r.ValueText,
                IndicatorRow.Number(r.Normative), IndicatorRow.Number(r.Target)]);
        return csv.ToString();
    }

    public static string Markdown(YearFigures y, Labels l)
    {
        var sb = new StringBuilder();
        void Line(string s = "") => sb.Append(s).Append('\n');
        Line($"# {l["yearTitle"]} — {y.Year}");
        Line();
        Line($"{l.Subtitle(y.Coefficient)}. {l["asOf"]}: {Labels.Date(y.AsOf)}.");
        Line();
        Line(ReportWriter.DueLine(y.Due, y.IsLate, l));
        Line();
        foreach (var (title, figures) in Tables(l))
        {
            Line($"## {title}");
            Line();
            Line($"| {l["figure"]} | {string.Join(" | ", y.Quarters.Select(q => q.Quarter.ToString()))} | {l["yearTotal"]} |");
            Line("| --- | ---: | ---: | ---: | ---: | ---: |");
            foreach (var f in figures)
                Line($"| {l[f.Label]} | {string.Join(" | ", y.Quarters.Select(q => f.Shown(q.Totals, l)))} | {f.Shown(y.Totals, l)} |");
            Line();
        }
        ReportWriter.IndicatorsMarkdown(sb, y.Indicators, l);
        return sb.ToString();
    }

    private static (string Title, Figure[] Figures)[] Tables(Labels l) =>
        [(l["summary"], Payments), (l["amount"], Amounts), (l["sla"], Sla)];

    /// <summary>One self-contained page to open and print: no scripts, no external files; the chart is inline SVG.</summary>
    public static string Html(YearFigures y, Labels l)
    {
        static string E(string s) => Labels.Escape(s);
        var sb = new StringBuilder();
        void Line(string s) => sb.Append(s).Append('\n');
        Line("<!DOCTYPE html>");
        Line($"<html lang=\"{l.Lang}\"><head><meta charset=\"utf-8\"><title>{E(l["yearTitle"])} — {y.Year}</title>");
        Line(ReportWriter.HtmlStyle);
        Line($"<h1>{E(l["yearTitle"])} — {y.Year}</h1><p>{E(l.Subtitle(y.Coefficient))}. {E(l["asOf"])}: {Labels.Date(y.AsOf)}.</p>");
        Line($"<p class=\"{(y.IsLate ? "bad" : "")}\">{E(ReportWriter.DueLine(y.Due, y.IsLate, l))}</p>");
        var kpiClass = y.Totals.OnTimePercent is null ? "" : y.Totals.OnTimePercent >= PaymentTotals.NormativePercent ? "ok" : "bad";
        Line($"<p class=\"kpi {kpiClass}\">{E(l["indicator"])}: {E(l.Percent(y.Totals.OnTimePercent))}</p>");
        Line($"<h2>{E(l["onTimeChart"])}</h2>");
        Line(Chart(y, l));
        foreach (var (title, figures) in Tables(l))
        {
            Line($"<h2>{E(title)}</h2><table><tr><th>{E(l["figure"])}</th>{string.Concat(y.Quarters.Select(q => $"<th>{q.Quarter}</th>"))}<th>{E(l["yearTotal"])}</th></tr>");
            foreach (var f in figures)
                Line($"<tr><td>{E(l[f.Label])}</td>{string.Concat(y.Quarters.Select(q => $"<td class=\"n\">{E(f.Shown(q.Totals, l))}</td>"))}<td class=\"n\"><b>{E(f.Shown(y.Totals, l))}</b></td></tr>");
            Line("</table>");
        }
        Line(ReportWriter.IndicatorsHtml(y.Indicators, l));
        Line("</body></html>");
        return sb.ToString();
    }

    /// <summary>On-time share per quarter (bars; none where nothing was due) against the 90 % norm (dashed line).</summary>
    private static string Chart(YearFigures y, Labels l)
    {
        const int barWidth = 90, gap = 30, height = 200, left = 50, bottom = 30, top = 20, legend = 110;
        var plotRight = left + (y.Quarters.Count * (barWidth + gap));
        int Y(decimal percent) => top + height - (int)decimal.Round(percent * height / 100m, MidpointRounding.AwayFromZero);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{plotRight + legend}\" height=\"{height + bottom + top}\" role=\"img\" aria-label=\"{Labels.Escape(l["onTimeChart"])}\">");
        foreach (var tick in new[] { 0, 25, 50, 75, 100 })
        {
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{Y(tick)}\" x2=\"{plotRight}\" y2=\"{Y(tick)}\" stroke=\"#ddd\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 6}\" y=\"{Y(tick) + 4}\" font-size=\"12\" text-anchor=\"end\">{tick} %</text>");
        }
        for (var i = 0; i < y.Quarters.Count; i++)
        {
            var q = y.Quarters[i];
            var x = left + (gap / 2) + (i * (barWidth + gap));
            var center = x + (barWidth / 2);
            var shown = Labels.Escape(l.Percent(q.OnTimePercent));
            if (q.OnTimePercent is { } p)
            {
                // The value inside the top of its bar, clear of the norm line.
                var color = p >= PaymentTotals.NormativePercent ? "#2e9e4f" : "#d1432f";
                sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{Y(p)}\" width=\"{barWidth}\" height=\"{top + height - Y(p)}\" fill=\"{color}\"><title>{q.Quarter}: {shown}</title></rect>");
                sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{center}\" y=\"{Y(p) + 30}\" font-size=\"13\" font-weight=\"bold\" fill=\"#fff\" text-anchor=\"middle\">{shown}</text>");
            }
            else sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{center}\" y=\"{top + height - 6}\" font-size=\"13\" text-anchor=\"middle\">{shown}</text>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{center}\" y=\"{top + height + 18}\" font-size=\"13\" text-anchor=\"middle\">{q.Quarter}</text>");
        }
        var norm = Y(PaymentTotals.NormativePercent);
        sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{norm}\" x2=\"{plotRight}\" y2=\"{norm}\" stroke=\"#b42318\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{plotRight + 6}\" y=\"{norm + 4}\" font-size=\"12\" fill=\"#b42318\">{Labels.Escape(l["norm"])} {PaymentTotals.NormativePercent} %</text>");
        sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{top + height}\" x2=\"{plotRight}\" y2=\"{top + height}\" stroke=\"#555\"/>");
        sb.Append("</svg>");
        return sb.ToString();
    }
}

using System.Text;
using System.Text.Json;
using PayBatch.Core.Domain;
using PayBatch.Core.Output;

namespace PayBatch.Core.Reporting;

/// <summary>The missing-certificates list as md (a table per district), csv for Excel and json.</summary>
public static class MissingCertificatesWriter
{
    public static readonly string[] Columns = ["case_id", "district", "applicant_name", "child_name", "last_quarter", "last_school"];

    /// <summary>UTF-8 with a BOM and ';', so Excel opens it in Kazakhstan's locale as columns.</summary>
    public static byte[] Csv(IReadOnlyList<MissingCertificate> missing)
    {
        var csv = new CsvText(';').Row(Columns);
        foreach (var m in missing) csv.Row(m.CaseId, m.District, m.ApplicantName, m.ChildName, m.LastQuarter, m.LastSchool);
        return [.. Encoding.UTF8.GetPreamble(), .. csv.ToUtf8()];
    }

    public static string Json(Quarter q, IReadOnlyList<MissingCertificate> missing)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, ReportWriter.JsonOptions))
        {
            w.WriteStartObject();
            w.WriteString("quarter", q.ToString());
            w.WriteNumber("count", missing.Count);
            w.WriteStartArray("missing");
            foreach (var m in missing)
            {
                w.WriteStartObject();
                w.WriteString("caseId", m.CaseId);
                w.WriteString("district", m.District);
                w.WriteString("applicantName", m.ApplicantName);
                w.WriteString("childName", m.ChildName);
                w.WriteString("lastQuarter", m.LastQuarter);
                w.WriteString("lastSchool", m.LastSchool);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(ms.ToArray()) + "\n";
    }

    public static string Markdown(Quarter q, IReadOnlyList<MissingCertificate> missing, Labels l)
    {
        var sb = new StringBuilder();
        void Line(string s = "") => sb.Append(s).Append('\n');
        Line($"# {l["missingTitle"]} — {q}");
        Line();
        Line($"{l["missingCount"]}: {missing.Count}.");
        foreach (var district in missing.GroupBy(m => m.District, StringComparer.Ordinal))
        {
            Line();
            Line($"## {district.Key} ({district.Count()})");
            Line();
            Line($"| {l["caseId"]} | {l["applicant"]} | {l["child"]} | {l["lastQuarter"]} | {l["lastSchool"]} |");
            Line("| --- | --- | --- | --- | --- |");
            foreach (var m in district) Line($"| {m.CaseId} | {Cell(m.ApplicantName)} | {Cell(m.ChildName)} | {m.LastQuarter} | {Cell(m.LastSchool)} |");
        }
        return sb.ToString();
    }

    /// <summary>A registry text inside a markdown table: a '|' would end the cell.</summary>
    private static string Cell(string? s) => (s ?? "").Replace("|", "\\|", StringComparison.Ordinal);
}

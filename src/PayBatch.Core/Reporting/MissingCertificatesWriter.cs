using System.Text;
using System.Text.Json;
using PayBatch.Core.Domain;
using PayBatch.Core.Output;

namespace PayBatch.Core.Reporting;

/// <summary>The missing-certificates list as md (a table per district), csv for Excel and json.</summary>
public static class MissingCertificatesWriter
{
    public static readonly string[] Columns = ["case_id", "district", "applicant_name", "child_name", "last_quarter", "last_school"];

    /// <summary>Rows written at once: a list of a million cases (200 MB of text) is never one buffer.</summary>
    private const int RowsAtOnce = 500;

    /// <summary>UTF-8 with a BOM and ';', so Excel opens it in Kazakhstan's locale as columns.</summary>
    public static byte[] Csv(IReadOnlyList<MissingCertificate> missing) => Bytes(s => WriteCsv(missing, s));

    /// <inheritdoc cref="Csv"/>
    public static void WriteCsv(IReadOnlyList<MissingCertificate> missing, Stream output)
    {
        output.Write(Encoding.UTF8.GetPreamble());
        var csv = new CsvText(';').Row(Columns);
        for (var i = 0; i < missing.Count; i++)
        {
            var m = missing[i];
            csv.Row(m.CaseId, m.District, m.ApplicantName, m.ChildName, m.LastQuarter, m.LastSchool);
            if ((i + 1) % RowsAtOnce != 0) continue;
            output.Write(csv.ToUtf8());
            csv = new CsvText(';'); // the next rows, without the header
        }
        output.Write(csv.ToUtf8());
    }

    public static void WriteJson(Quarter q, IReadOnlyList<MissingCertificate> missing, Stream output)
    {
        using (var w = new Utf8JsonWriter(output, ReportWriter.JsonOptions))
        {
            w.WriteStartObject();
            w.WriteString("quarter", q.ToString());
            w.WriteNumber("count", missing.Count);
            w.WriteStartArray("missing");
            for (var i = 0; i < missing.Count; i++)
            {
                var m = missing[i];
                w.WriteStartObject();
                w.WriteString("caseId", m.CaseId);
                w.WriteString("district", m.District);
                w.WriteString("applicantName", m.ApplicantName);
                w.WriteString("childName", m.ChildName);
                w.WriteString("lastQuarter", m.LastQuarter);
                w.WriteString("lastSchool", m.LastSchool);
                w.WriteEndObject();
                if ((i + 1) % RowsAtOnce == 0) w.Flush(); // the writer holds all it is given until flushed
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        output.WriteByte((byte)'\n');
    }

    public static void WriteMarkdown(Quarter q, IReadOnlyList<MissingCertificate> missing, Labels l, Stream output)
    {
        var sb = new StringBuilder();
        var lines = 0;
        void Line(string s = "")
        {
            sb.Append(s).Append('\n');
            if (++lines % RowsAtOnce != 0) return;
            output.Write(Encoding.UTF8.GetBytes(sb.ToString()));
            sb.Clear();
        }
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
        output.Write(Encoding.UTF8.GetBytes(sb.ToString()));
    }

    private static byte[] Bytes(Action<Stream> write)
    {
        using var ms = new MemoryStream();
        write(ms);
        return ms.ToArray();
    }

    /// <summary>A registry text inside a markdown table: a '|' would end the cell.</summary>
    private static string Cell(string? s) => (s ?? "").Replace("|", "\\|", StringComparison.Ordinal);
}

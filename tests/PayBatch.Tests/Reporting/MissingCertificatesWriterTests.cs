using System.Text;
using System.Text.Json;
using PayBatch.Cli;
using PayBatch.Core.Domain;
using PayBatch.Core.Output;
using PayBatch.Core.Reporting;

namespace PayBatch.Tests.Reporting;

/// <summary>
/// The missing-certificates list is written a few hundred rows at a time (a million cases are 200 MB of text): the
/// pieces join to exactly the text made at once, and reach the screen unchanged.
/// </summary>
public class MissingCertificatesWriterTests
{
    private static readonly Quarter Q2 = Quarter.Parse("2026Q2");

    /// <summary>More rows than several pieces, in two districts of uneven sizes, with Kazakh letters, '|' and formula-like names.</summary>
    private static readonly IReadOnlyList<MissingCertificate> Many = Enumerable.Range(1, 1_234).Select(i => new MissingCertificate(
        $"C-{i:00000}", i % 7 == 0 ? "Алматы ауданы" : "Есильский район", i % 11 == 0 ? "=Әбдіров Нұрлан" : "Қасымова Гүлнар Болатқызы",
        $"Бала {i} | екі", i % 3 == 0 ? null : "2026Q1", i % 3 == 0 ? null : "Мектеп №" + i))
        .OrderBy(m => m.District, StringComparer.Ordinal).ThenBy(m => m.CaseId, StringComparer.Ordinal).ToList(); // as MissingCertificates.Compute orders them

    private static byte[] Written(Action<Stream> write)
    {
        using var ms = new MemoryStream();
        write(ms);
        return ms.ToArray();
    }

    [Fact]
    public void The_csv_in_pieces_is_the_whole_list_made_at_once()
    {
        var whole = new CsvText(';').Row(MissingCertificatesWriter.Columns);
        foreach (var m in Many) whole.Row(m.CaseId, m.District, m.ApplicantName, m.ChildName, m.LastQuarter, m.LastSchool);
        Assert.Equal([.. Encoding.UTF8.GetPreamble(), .. whole.ToUtf8()], Written(s => MissingCertificatesWriter.WriteCsv(Many, s)));
    }

    [Fact]
    public void The_json_in_pieces_carries_every_case_once_in_order_and_ends_its_text()
    {
        var written = Encoding.UTF8.GetString(Written(s => MissingCertificatesWriter.WriteJson(Q2, Many, s)));
        using var parsed = JsonDocument.Parse(written);
        Assert.Equal(Many.Count, parsed.RootElement.GetProperty("count").GetInt32());
        Assert.Equal(Many.Select(m => (m.CaseId, m.District, m.ApplicantName, m.ChildName, m.LastQuarter, m.LastSchool)),
            parsed.RootElement.GetProperty("missing").EnumerateArray().Select(e => (e.GetProperty("caseId").GetString()!, e.GetProperty("district").GetString()!,
                e.GetProperty("applicantName").GetString()!, e.GetProperty("childName").GetString()!, e.GetProperty("lastQuarter").GetString(),
                e.GetProperty("lastSchool").GetString())));
        Assert.Contains("\"district\": \"Алматы ауданы\"", written, StringComparison.Ordinal); // letters as written, not \u escapes
        Assert.EndsWith("}\n", written, StringComparison.Ordinal);
    }

    [Fact]
    public void The_markdown_in_pieces_has_every_case_once_in_order_under_its_district()
    {
        var text = Encoding.UTF8.GetString(Written(s => MissingCertificatesWriter.WriteMarkdown(Q2, Many, Labels.For(Core.Localization.Lang.Ru), s)));
        var rows = text.Split('\n').Where(l => l.StartsWith("| C-", StringComparison.Ordinal)).ToList();
        Assert.Equal(Many.Select(m => m.CaseId), rows.Select(r => r[2..9]));
        Assert.Contains("| Бала 7 \\| екі |", text, StringComparison.Ordinal);
        Assert.Equal(["## Алматы ауданы (176)", "## Есильский район (1058)"], text.Split('\n').Where(l => l.StartsWith("## ", StringComparison.Ordinal)));
        Assert.EndsWith("|\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_childs_latest_certificate_is_kept_whatever_order_they_come_in()
    {
        RegistryCase Case(string id, string child) => new(id, "Район", "Applicant " + id, child, "Child " + id, CaseStatus.Approved);
        CertificateOf Cert(string child, string quarter, int day, string school) => new(child, quarter, new DateOnly(2026, 1, day), school);
        var certificates = new[]
        {
            Cert("1", "2026Q1", 20, "Later"), Cert("1", "2026Q1", 9, "Earlier"), // the same quarter: the later issued
            Cert("2", "2026Q3", 1, "Next quarter"), Cert("2", "2026Q1", 28, "Before"), // a later quarter than asked: not this one's
            Cert("3", "2025Q4", 1, "Old"), Cert("3", "2026Q2", 1, "This quarter"), Cert("3", "2026Q1", 1, "After it"), // certified: not listed
        };
        foreach (var order in new[] { certificates, certificates.Reverse().ToArray() })
        {
            var list = MissingCertificates.Compute(Q2, [Case("C-3", "3"), Case("C-2", "2"), Case("C-1", "1"), Case("C-4", "4")], order);
            Assert.Equal([("C-1", "2026Q1", "Later"), ("C-2", "2026Q3", "Next quarter"), ("C-4", null, null)],
                list.Select(m => (m.CaseId, m.LastQuarter, m.LastSchool)));
        }
    }

    [Fact]
    public void Bytes_reach_the_screen_as_the_text_they_encode_whatever_the_pieces()
    {
        var bytes = Encoding.UTF8.GetBytes("Қасымова Гүлнар — 😀 ;\n" + new string('ә', 5_000) + "\n");
        foreach (var piece in new[] { 1, 2, 3, 5, 4096, bytes.Length })
        {
            var screen = new StringWriter();
            using (var stream = new TextWriterStream(screen))
                for (var i = 0; i < bytes.Length; i += piece) stream.Write(bytes.AsSpan(i, Math.Min(piece, bytes.Length - i)));
            Assert.Equal(Encoding.UTF8.GetString(bytes), screen.ToString());
        }
        // A flush between the bytes of one character (a JSON writer's flush may fall anywhere) does not end the text.
        var split = new StringWriter();
        using (var stream = new TextWriterStream(split))
        {
            stream.Write(bytes.AsSpan(0, 1)); // the first of Қ's two bytes
            stream.Flush();
            stream.Write(bytes.AsSpan(1));
        }
        Assert.Equal(Encoding.UTF8.GetString(bytes), split.ToString());
    }
}

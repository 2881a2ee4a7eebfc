using System.Text;

namespace PayBatch.Tests.Support;

/// <summary>
/// Golden files: the output must equal the checked-in file byte for byte. A mismatch writes
/// <c>NAME.received.EXT</c> beside the golden file and fails with the first differing line;
/// accepting a change is copying the received file over the golden one, on purpose.
/// </summary>
public static class Golden
{
    public static void Match(string goldenPath, byte[] actual)
    {
        var received = Path.Combine(Path.GetDirectoryName(goldenPath)!,
            Path.GetFileNameWithoutExtension(goldenPath) + ".received" + Path.GetExtension(goldenPath));
        if (File.Exists(goldenPath) && File.ReadAllBytes(goldenPath).AsSpan().SequenceEqual(actual))
        {
            if (File.Exists(received)) File.Delete(received);
            return;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(goldenPath)!);
        File.WriteAllBytes(received, actual);
        if (!File.Exists(goldenPath))
            Assert.Fail($"no golden file {goldenPath}; wrote {received} — review it and copy it over to accept");
        Assert.Fail($"{goldenPath} differs; wrote {received}.\n{FirstDifference(File.ReadAllBytes(goldenPath), actual)}");
    }

    public static void MatchFile(string goldenPath, string actualPath) => Match(goldenPath, File.ReadAllBytes(actualPath));

    /// <summary>
    /// Compares a whole produced folder with a golden folder: every file produced must match, and
    /// every golden file must have been produced. All differences are reported at once.
    /// </summary>
    public static void MatchFolder(string goldenDir, string actualDir)
    {
        var produced = Directory.GetFiles(actualDir, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(actualDir, f)).Order().ToList();
        var failures = new List<string>();
        foreach (var rel in produced)
        {
            try { MatchFile(Path.Combine(goldenDir, rel), Path.Combine(actualDir, rel)); }
            catch (Xunit.Sdk.XunitException e) { failures.Add(e.Message); }
        }
        var golden = Directory.Exists(goldenDir)
            ? Directory.GetFiles(goldenDir, "*", SearchOption.AllDirectories).Where(f => !f.Contains(".received.", StringComparison.Ordinal))
                .Select(f => Path.GetRelativePath(goldenDir, f)).Order().ToList()
            : [];
        failures.AddRange(golden.Except(produced).Select(f => $"golden file {f} was not produced"));
        if (failures.Count > 0) Assert.Fail(string.Join("\n\n", failures));
    }

    private static string FirstDifference(byte[] expected, byte[] actual)
    {
        var e = Encoding.UTF8.GetString(expected).Split('\n');
        var a = Encoding.UTF8.GetString(actual).Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var el = i < e.Length ? e[i] : "<end of file>";
            var al = i < a.Length ? a[i] : "<end of file>";
            if (el != al) return $"line {i + 1}:\n- {el}\n+ {al}";
        }
        return $"same text, different bytes ({expected.Length} vs {actual.Length})";
    }
}

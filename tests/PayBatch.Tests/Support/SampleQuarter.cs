namespace PayBatch.Tests.Support;

/// <summary>
/// The samples' whole quarter in a workspace: batch 01, a late certificate and batch 02, the banks'
/// confirmations read on 2026-02-20. The base for report and golden tests.
/// </summary>
public static class SampleQuarter
{
    public const string AsOf = "2026-02-20";

    public static Workspace Create(string provider = "sqlite", bool reconcile = true)
    {
        var ws = new Workspace(provider);
        File.Copy(Path.Combine(Repo.Samples, "paybatch.json"), ws.Path_("paybatch.json"));
        string S(string f) => Path.Combine(Repo.Samples, f);
        ws.RunOk("run", "--quarter", "2026Q1", "--value-date", "2026-01-20", "--recipients", S("recipients.csv"), "--certificates", S("certificates.csv"));
        ws.RunOk("import", "certificates", S("certificates-late.csv"));
        ws.RunOk("run", "--quarter", "2026Q1", "--value-date", "2026-02-16");
        if (reconcile) Assert.Equal(3, ws.Run("reconcile", S("bank-confirmations.csv"), "--as-of", AsOf).ExitCode);
        return ws;
    }
}

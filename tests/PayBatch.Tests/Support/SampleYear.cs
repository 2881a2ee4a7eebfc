namespace PayBatch.Tests.Support;

/// <summary>
/// The sample year: the sample quarter, then 2026Q2–Q4 from samples/year (certificates, the new school
/// year's registry before Q3, the banks' confirmations), each reconciled a few weeks after its batch.
/// </summary>
public static class SampleYear
{
    public const string AsOf = "2026-12-15";

    public static Workspace Create()
    {
        var ws = SampleQuarter.Create();
        string Y(string f) => Path.Combine(Repo.Samples, "year", f);
        ws.RunOk("import", "certificates", Y("certificates-2026Q2.csv"));
        ws.RunOk("run", "--quarter", "2026Q2", "--value-date", "2026-04-20");
        Assert.Equal(3, ws.Run("reconcile", Y("bank-confirmations-2026Q2.csv"), "--as-of", "2026-05-08").ExitCode);
        ws.RunOk("import", "recipients", Y("recipients-2026Q3.csv"));
        ws.RunOk("import", "certificates", Y("certificates-2026Q3.csv"));
        ws.RunOk("run", "--quarter", "2026Q3", "--value-date", "2026-09-21");
        Assert.Equal(3, ws.Run("reconcile", Y("bank-confirmations-2026Q3.csv"), "--as-of", "2026-10-05").ExitCode);
        ws.RunOk("import", "certificates", Y("certificates-2026Q4.csv"));
        ws.RunOk("run", "--quarter", "2026Q4", "--value-date", "2026-10-20");
        ws.RunOk("reconcile", Y("bank-confirmations-2026Q4.csv"), "--as-of", "2026-11-05");
        return ws;
    }
}

/// <summary>One sample year shared by the tests of a class (building it runs the command line some twenty times).</summary>
public sealed class SampleYearFixture : IDisposable
{
    public Workspace Workspace { get; } = SampleYear.Create();

    public void Dispose() => Workspace.Dispose();
}

namespace PayBatch.Tests.Support;

// Tests of Unix file modes and of the bash scheduled job: on Windows they are reported as skipped,
// with this reason, instead of passing without checking anything.

public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows()) Skip = UnixOnly.Reason;
    }
}

public sealed class UnixTheoryAttribute : TheoryAttribute
{
    public UnixTheoryAttribute()
    {
        if (OperatingSystem.IsWindows()) Skip = UnixOnly.Reason;
    }
}

internal static class UnixOnly
{
    public const string Reason = "Unix only: checks Unix file modes or runs a bash script";
}

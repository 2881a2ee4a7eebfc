namespace PayBatch.Tests.Support;

// Tests that can only run on Unix: on Windows they are reported as skipped with the reason, which names
// what is then not checked, instead of passing without checking anything. CI runs on Linux, where they run.

public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute(string whyUnixOnly)
    {
        if (OperatingSystem.IsWindows()) Skip = whyUnixOnly;
    }
}

public sealed class UnixTheoryAttribute : TheoryAttribute
{
    public UnixTheoryAttribute(string whyUnixOnly)
    {
        if (OperatingSystem.IsWindows()) Skip = whyUnixOnly;
    }
}

namespace PayBatch.Tests.Support;

/// <summary>Paths in the repository (samples, golden files) and in ../shared.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Samples => Path.Combine(Root, "samples");
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));
    public static string TestData => Path.Combine(Root, "tests", "PayBatch.Tests", "TestData");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SocialAid.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("SocialAid.sln not found above the test binaries");
    }
}

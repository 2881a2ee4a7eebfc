namespace PayBatch.Tests.Support;

/// <summary>Paths in the repository: samples, golden files, the official ISO 20022 schemas it carries.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Samples => Path.Combine(Root, "samples");
    /// <summary>The official XSDs, kept in the repository (copied unchanged from ../shared/iso20022), so a clone anywhere tests against them.</summary>
    public static string Iso20022 => Path.Combine(Root, "src", "PayBatch.Core", "Data", "iso20022");
    public static string TestData => Path.Combine(Root, "tests", "PayBatch.Tests", "TestData");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SocialAid.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("SocialAid.sln not found above the test binaries");
    }
}

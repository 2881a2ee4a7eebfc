namespace PayBatch.Core.Output;

/// <summary>
/// Files appear complete or not at all: written to a temporary name beside the target, flushed,
/// then renamed over it. Output is readable by its owner only (0600 files, 0700 folders).
/// </summary>
public static class AtomicFile
{
    private const string TempSuffix = ".partial";
    private const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerDir = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public static void Write(string path, byte[] content) => Resilience.Files.Execute(() => WriteOnce(path, content));

    private static void WriteOnce(string path, byte[] content)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        CreateDirectory(dir);
        var temp = Path.Combine(dir, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}{TempSuffix}");
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerFile;
            using (var stream = new FileStream(temp, options))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>Creates the folder and any missing parents, each readable by its owner only.</summary>
    public static void CreateDirectory(string dir)
    {
        dir = Path.GetFullPath(dir);
        if (Directory.Exists(dir)) return;
        var parent = Path.GetDirectoryName(dir);
        if (parent is not null) CreateDirectory(parent);
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(dir);
        else Directory.CreateDirectory(dir, OwnerDir);
    }

    /// <summary>Removes temporary files a crash left behind in <paramref name="dir"/>.</summary>
    public static void CleanLeftovers(string dir)
    {
        if (!Directory.Exists(dir)) return;
        foreach (var f in Directory.EnumerateFiles(dir, "*" + TempSuffix)) TryDelete(f);
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (IOException) { /* best effort: a leftover temp name is cleaned by the next run */ }
    }
}

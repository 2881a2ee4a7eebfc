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

    /// <summary>
    /// Refuses an output folder that cannot be written — a file in its place, or a folder this user
    /// may not write — before anything is decided, so the refusal changes nothing (exit 2). The
    /// nearest existing folder is tried with a file that is gone again at once; nothing is created.
    /// </summary>
    public static void RequireWritable(string dir)
    {
        var existing = Path.GetFullPath(dir);
        while (!Directory.Exists(existing))
        {
            if (File.Exists(existing)) throw new Domain.InputException($"output folder {dir}: {existing} is a file, not a folder; nothing was changed");
            existing = Path.GetDirectoryName(existing) ?? throw new Domain.InputException($"output folder {dir}: no such drive; nothing was changed");
        }
        var probe = Path.Combine(existing, $".paybatch-write-test.{Guid.NewGuid():N}{TempSuffix}");
        try
        {
            new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose).Dispose();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new Domain.InputException($"output folder {dir}: {existing} cannot be written ({e.Message}); nothing was changed");
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

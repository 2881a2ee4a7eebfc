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

    public static void Write(string path, byte[] content) => Write(path, stream => stream.Write(content));

    /// <summary>Writes what <paramref name="write"/> puts into the stream, appearing complete or not at all (run again on a locked file).</summary>
    public static void Write(string path, Action<Stream> write) => Resilience.Files.Execute(() => WriteOnce(path, write));

    private static void WriteOnce(string path, Action<Stream> write)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        CreateDirectory(dir);
        var temp = TempBeside(path);
        var started = TimeProvider.System.GetUtcNow().UtcDateTime;
        try
        {
            using (var stream = new FileStream(temp, TempOptions()))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
            RemoveLeftovers(path, started);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>
    /// Writes what <paramref name="write"/> puts into the stream whole under a temporary name beside <paramref name="path"/> now, to be
    /// put in place later (<see cref="Staged.Commit"/>) or never (<see cref="Staged.Discard"/>): a batch's bank
    /// files go to disk as they are rendered, before the transaction that records them commits.
    /// A staged file a crash leaves behind is a temporary like any other, cleaned by the next write of the folder.
    /// <paramref name="check"/>, when given, reads the file as written from its start, and by throwing discards it.
    /// </summary>
    public static Staged Stage(string path, Action<Stream> write, Action<Stream>? check = null) => Resilience.Files.Execute(() =>
    {
        // Refused now, while the transaction that records the file can still be rolled back: once it commits, a folder
        // in the file's place would fail the rename after the change was kept.
        if (Directory.Exists(path)) throw new Domain.InputException(Localization.CoreText.TargetIsFolder, path);
        var temp = TempBeside(path);
        var started = TimeProvider.System.GetUtcNow().UtcDateTime;
        try
        {
            using var sha = System.Security.Cryptography.SHA256.Create();
            using var stream = new FileStream(temp, TempOptions(FileAccess.ReadWrite));
            // Hashed as it is written: a hash algorithm passes the bytes through to the file unchanged.
            using (var hashing = new System.Security.Cryptography.CryptoStream(stream, sha, System.Security.Cryptography.CryptoStreamMode.Write, leaveOpen: true))
                write(hashing);
            stream.Flush(flushToDisk: true);
            if (check is not null)
            {
                stream.Position = 0;
                check(stream);
            }
            return new Staged(temp, path, Convert.ToHexStringLower(sha.Hash!), stream.Length, started);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    });

    /// <summary>A file written whole under a temporary name, waiting to be put in place, with the hash of what was written.</summary>
    public sealed class Staged(string temp, string path, string sha256, long length, DateTime startedUtc)
    {
        public string Path => path;
        public string Sha256 => sha256;
        public long Length => length;

        /// <summary>Puts the file in place, and removes the temporaries of it that a killed writer left before this one began.</summary>
        public void Commit()
        {
            File.Move(temp, path, overwrite: true);
            RemoveLeftovers(path, startedUtc);
        }

        public void Discard() => TryDelete(temp);
    }

    /// <summary>
    /// Refuses an output folder that cannot be written — a file in its place, or a folder this user
    /// may not write — before anything is decided, so the refusal changes nothing (exit 2). The
    /// nearest existing folder is tried with a file that is gone again at once; nothing is created.
    /// </summary>
    public static void RequireWritable(string dir)
    {
        if (FileInTheWay(dir) is { } file) throw new Domain.InputException(Localization.CoreText.OutputFolderIsFile, dir, file);
        var existing = Path.GetFullPath(dir);
        while (!Directory.Exists(existing))
            existing = Path.GetDirectoryName(existing) ?? throw new Domain.InputException(Localization.CoreText.OutputFolderNoDrive, dir);
        try
        {
            ProbeWritable(Path.Combine(existing, "paybatch-write-test"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new Domain.InputException(Localization.CoreText.OutputFolderUnwritable, dir, existing, e.Message);
        }
    }

    /// <summary>
    /// Streams content too large to hold (a workbook of a million rows) through a temporary file
    /// beside <paramref name="path"/>, then renames it over the target. The folder must exist.
    /// </summary>
    public static async Task WriteAsync(string path, Func<Stream, Task> write)
    {
        var temp = TempBeside(path);
        var started = TimeProvider.System.GetUtcNow().UtcDateTime;
        try
        {
            var stream = new FileStream(temp, TempOptions());
            await using (stream.ConfigureAwait(false))
            {
                await write(stream).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
            RemoveLeftovers(path, started);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>
    /// Whether a failure to make or write <paramref name="path"/> is the place's — a file where it or one of its folders
    /// would be, a folder this user may not write: bad input, exit 2 — and not the machine's (a full disk, an I/O error).
    /// </summary>
    public static bool IsPlaceProblem(Exception e, string path) =>
        e is UnauthorizedAccessException || (e is IOException && FileInTheWay(path) is not null);

    /// <summary>A file standing where <paramref name="path"/> or one of the folders it needs would be, or null.</summary>
    private static string? FileInTheWay(string path)
    {
        for (var p = Path.GetFullPath(path); p is not null && !Directory.Exists(p); p = Path.GetDirectoryName(p))
            if (File.Exists(p)) return p;
        return null;
    }

    /// <summary>Creates and removes a temporary file beside <paramref name="path"/>: throws if the folder cannot be written.</summary>
    public static void ProbeWritable(string path)
    {
        var temp = TempBeside(path);
        new FileStream(temp, TempOptions()).Dispose();
        File.Delete(temp);
    }

    private static string TempBeside(string path) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}{TempSuffix}");

    private static FileStreamOptions TempOptions(FileAccess access = FileAccess.Write)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = access, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerFile;
        return options;
    }

    /// <summary>Creates the folder and any missing parents, each readable by its owner only; returns the outermost folder created, if any.</summary>
    public static string? CreateDirectory(string dir)
    {
        dir = Path.GetFullPath(dir);
        if (Directory.Exists(dir)) return null;
        var parent = Path.GetDirectoryName(dir);
        var outermost = parent is null ? null : CreateDirectory(parent);
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(dir);
        else Directory.CreateDirectory(dir, OwnerDir);
        return outermost ?? dir;
    }

    /// <summary>Undoes <see cref="CreateDirectory"/>: removes <paramref name="dir"/> and its parents up to <paramref name="outermost"/>, while empty.</summary>
    public static void RemoveCreatedDirectories(string dir, string? outermost)
    {
        if (outermost is null) return;
        for (var d = Path.GetFullPath(dir); d.StartsWith(outermost, StringComparison.Ordinal); d = Path.GetDirectoryName(d)!)
        {
            try { Directory.Delete(d); }
            catch (IOException) { return; } // not empty: something else is in it
        }
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
        catch (IOException) { /* best effort: a leftover temp name is cleaned by the next write of its file */ }
    }

    /// <summary>
    /// The temporary files of <paramref name="path"/> that a killed process left (a kill cannot clean up):
    /// once the file itself is written whole, any of its temporaries last written before this write began is
    /// dead and goes. A writer of the same file that began later keeps its own.
    /// </summary>
    private static void RemoveLeftovers(string path, DateTime startedUtc)
    {
        var full = Path.GetFullPath(path);
        foreach (var f in Directory.EnumerateFiles(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.*{TempSuffix}"))
            if (File.GetLastWriteTimeUtc(f) < startedUtc) TryDelete(f);
    }
}

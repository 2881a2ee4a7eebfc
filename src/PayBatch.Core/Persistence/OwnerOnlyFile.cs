namespace PayBatch.Core.Persistence;

/// <summary>The options of a file the database keeps beside it (a lock file, a dry run's copy): read and written by its owner only.</summary>
internal static class OwnerOnlyFile
{
    public static FileStreamOptions Options(FileMode mode, FileShare share)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.ReadWrite, Share = share };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        return options;
    }
}

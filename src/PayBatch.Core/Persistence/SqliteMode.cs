using System.Runtime.InteropServices;
using SQLitePCL;

namespace PayBatch.Core.Persistence;

/// <summary>
/// SQLite's multi-thread mode for this process: each connection and statement is used by one thread at a
/// time (as this program does, EF's and its own), so SQLite need not take the connection's mutex in every
/// call. A million-case run makes ~40 million such calls; serialized mode (the library's default) cost a
/// re-run 7 % of its time in locking (issue 15). It can only be chosen before SQLite's first connection
/// in the process; after one (a test that opened a database directly first) SQLite stays serialized, which
/// is as correct, only slower (and its statement journals go to a file past 64 KB, below). What keeps the mode safe is a rule the code follows: every connection,
/// command, reader and statement is used by one flow of work at a time and disposed by it, never left to a
/// finalizer (<see cref="SqliteStatement"/> has none); nothing runs database work in parallel on one connection.
/// </summary>
public static class SqliteMode
{
    /// <summary>Whether the mode was set (false: SQLite was already in use, and stays serialized).</summary>
    public static bool MultiThread { get; } = Configure();

    /// <summary>Whether glibc's mmap threshold was fixed (<see cref="FixMmapThreshold"/>), whatever became of the mode.</summary>
    private static bool MmapThresholdFixed { get; } = FixMmapThreshold();

    /// <summary>Sets the mode if nothing has used SQLite yet, and the mmap threshold; call before opening a SQLite connection.</summary>
    public static void Ensure() => _ = (MultiThread, MmapThresholdFixed);

    private static bool Configure()
    {
        Batteries_V2.Init();
        if (raw.sqlite3_config(raw.SQLITE_CONFIG_MULTITHREAD) != raw.SQLITE_OK) return false;
        // A statement's journal (SqliteRowFeed: a chunk of payments, whose foreign keys make SQLite keep one) stays in
        // memory up to 8 MB instead of 64 KB: past that it goes to a temporary file, a write per page (a million payments
        // wrote 3.7 GB there). A larger one, as a whole-table update's, still goes to its file.
        raw.sqlite3_config(StatementJournalSpill, 8 << 20);
        return true;
    }

    private const int StatementJournalSpill = 26; // SQLITE_CONFIG_STMTJRNL_SPILL

    /// <summary>
    /// glibc's malloc serves a block past its mmap threshold (128 KB) by mmap, gives it back when freed, and then raises
    /// the threshold to that block's size: after the first of an index's 4 MB sort runs (<see cref="BulkIndexes"/>) the
    /// next ones come from its heap, which keeps what is freed (a million-case run peaked at 570–628 MB that way, at 530–555 MB
    /// with the threshold fixed by the environment). Setting it fixes it where it is.
    /// </summary>
    private static bool FixMmapThreshold()
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            return MallocOption(MmapThreshold, 128 * 1024) == 1;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false; // another C library: its own way, only memory
        }
    }

    private const int MmapThreshold = -3; // M_MMAP_THRESHOLD

    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int MallocOption(int option, int value);
}

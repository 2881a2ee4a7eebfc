namespace PayBatch.Core.Persistence;

/// <summary>What a step that read a million rows does before the next step allocates as much again.</summary>
internal static class LargeReads
{
    /// <summary>
    /// Returns to the system what a finished step no longer holds (a run's facts and payees, a
    /// reconcile's replaced payment states): the collector would keep it for later, and the next
    /// step's allocations would come on top of it. A full collection of such a heap costs well under a second.
    /// </summary>
    public static void LetGo() => GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);

    /// <summary>
    /// After a file read whole is done with (a bank file to sign or verify: a bank's pain.001 of 150,000 payments is
    /// 160 MB), when it was large: otherwise each file's array stays on the large object heap beside the next one's.
    /// </summary>
    public static void LetGoOfFile(long bytes)
    {
        if (bytes >= 32L << 20) GC.Collect(); // not compacted: the next file's array, of about the same size, takes the freed space
    }
}

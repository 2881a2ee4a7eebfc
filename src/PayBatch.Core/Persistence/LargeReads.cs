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
}

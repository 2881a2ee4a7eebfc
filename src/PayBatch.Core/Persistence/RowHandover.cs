using System.Threading.Channels;

namespace PayBatch.Core.Persistence;

/// <summary>
/// Items made on a thread of their own and taken on the caller's: rows made there and stored here (the bulk writes and
/// the imports), or cases read there and decided here (a run): a million take as long as the slower of the two instead
/// of both. Few rows are in flight (4 chunks of <see cref="ChunkRows"/>): rows that wait
/// in a long queue outlive the GC's youngest generation, and promoting them cost more than the second thread saved (a
/// million registry rows with 16 × 1,024 in flight: 11 s; with 4 × 64: 9 s).
/// </summary>
public static class RowHandover
{
    public const int ChunkRows = 64;

    /// <summary>
    /// <paramref name="items"/> enumerated on a thread of their own (a database read: only that thread uses the connection
    /// meanwhile), each chunk taken by <paramref name="store"/> on the caller's, as below.
    /// </summary>
    public static Task RunAsync<T>(IEnumerable<T> items, Func<List<T>, ValueTask> store, CancellationToken ct) =>
        RunAsync<T>((keep, token) =>
        {
            foreach (var item in items)
            {
                if (token.IsCancellationRequested) return;
                keep(item);
            }
        }, store, ct);

    /// <param name="make">Runs on its own thread: hands over each item it made, in order, and stops when its token is
    /// cancelled (the store failed, or the caller cancelled).</param>
    /// <param name="store">Runs on the caller's thread, a chunk of up to <see cref="ChunkRows"/> items at a time, in order.
    /// Of the two, one alone uses the connection (the store writing what was made, or the maker reading what the store
    /// decides on): a connection is never used by two threads at once.</param>
    /// <exception cref="Exception">The store's failure, else the maker's.</exception>
    public static async Task RunAsync<T>(Action<Action<T>, CancellationToken> make, Func<List<T>, ValueTask> store, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var chunks = Channel.CreateBounded<List<T>>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
        var making = Task.Factory.StartNew(() =>
        {
            try
            {
                var chunk = new List<T>(ChunkRows);
                make(item =>
                {
                    chunk.Add(item);
                    if (chunk.Count < ChunkRows) return;
                    Pass(chunk);
                    chunk = new List<T>(ChunkRows);
                }, stop.Token);
                if (chunk.Count > 0 && !stop.IsCancellationRequested) Pass(chunk);
            }
            finally
            {
                chunks.Writer.TryComplete();
            }
        }, stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            await foreach (var chunk in chunks.Reader.ReadAllAsync(ct).ConfigureAwait(false))
            {
                ct.ThrowIfCancellationRequested(); // items already made are not stored after a cancel either
                await store(chunk).ConfigureAwait(false);
            }
            await making.ConfigureAwait(false); // the maker's own failure, if it had one
            ct.ThrowIfCancellationRequested(); // a maker stopped by a cancel returns as if it were done
        }
        finally
        {
            // Whatever the maker reads stays open until it has stopped; when the store failed first, it is told to stop.
            await stop.CancelAsync().ConfigureAwait(false);
            await ((Task)making).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            _ = making.Exception; // observed: when the store failed first, that failure is the one reported
        }

        // The maker's thread is its own: it waits here while the store catches up.
        void Pass(List<T> chunk)
        {
            if (!chunks.Writer.TryWrite(chunk)) chunks.Writer.WriteAsync(chunk, stop.Token).AsTask().GetAwaiter().GetResult();
        }
    }
}

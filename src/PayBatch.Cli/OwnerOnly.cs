using System.Runtime.InteropServices;

namespace PayBatch.Cli;

/// <summary>
/// The paybatch process creates every file readable by its owner only (umask 077), whoever creates it. PayBatch's
/// own files are made 0600 explicitly; a library's are not: Serilog's next log file, when a run crosses midnight,
/// came out 0644. Windows has no umask (files take their folder's permissions; README).
/// </summary>
internal static class OwnerOnly
{
    public static void ForEveryNewFile()
    {
        if (OperatingSystem.IsWindows()) return;
        try
        {
            _ = Umask(0b000_111_111); // group and others: nothing
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // A system without a C library of that name: PayBatch's own files are still made 0600 one by one.
        }
    }

    [DllImport("libc", EntryPoint = "umask")]
    private static extern uint Umask(uint mask);
}

using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using PayBatch.Core.Persistence;

namespace PayBatch.Tests.Support;

/// <summary>
/// The suite runs SQLite as the program does, in multi-thread mode: set before any test opens a database
/// (a test that opened one directly first would leave the whole process serialized). The suite's tests run
/// in parallel, each on its own connections, which is the mode's rule.
/// </summary>
internal static class SqliteModeSetup
{
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255", Justification = "A test assembly: the mode must be chosen before the first test touches SQLite.")]
    internal static void Choose() => SqliteMode.Ensure();
}

public class SqliteModeTests
{
    [Fact]
    public void SQLite_runs_in_multi_thread_mode_as_in_the_program() => Assert.True(SqliteMode.MultiThread);
}

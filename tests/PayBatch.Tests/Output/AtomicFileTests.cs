using PayBatch.Core.Output;

namespace PayBatch.Tests.Output;

/// <summary>Files appear whole or not at all; what a killed writer left beside a file goes with its next write.</summary>
public class AtomicFileTests
{
    [Fact]
    public void A_write_replaces_the_file_whole_and_removes_the_temporaries_a_killed_writer_left()
    {
        var dir = Directory.CreateTempSubdirectory("paybatch-atomic").FullName;
        try
        {
            var target = Path.Combine(dir, "findings.csv");
            var dead = Path.Combine(dir, $".findings.csv.{Guid.NewGuid():N}.partial");
            var other = Path.Combine(dir, $".reconciliation.csv.{Guid.NewGuid():N}.partial");
            File.WriteAllText(dead, "half");
            File.WriteAllText(other, "half");
            File.SetLastWriteTimeUtc(dead, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
            File.SetLastWriteTimeUtc(other, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));

            AtomicFile.Write(target, "whole\n"u8.ToArray());

            Assert.Equal("whole\n", File.ReadAllText(target));
            Assert.False(File.Exists(dead), "the killed writer's temporary of findings.csv is gone");
            Assert.True(File.Exists(other), "another file's temporary is not this write's business");
            Assert.Equal([Path.GetFileName(other), "findings.csv"], Directory.GetFiles(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}

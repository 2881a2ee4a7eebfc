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

    [Fact]
    public void A_staged_file_is_checked_as_written_and_a_failed_check_leaves_nothing()
    {
        var dir = Directory.CreateTempSubdirectory("paybatch-atomic").FullName;
        try
        {
            var target = Path.Combine(dir, "HSBKKZKX.xml");
            var content = Enumerable.Range(0, 100_000).Select(i => (byte)('a' + i % 26)).ToArray();
            byte[]? checkedBytes = null;
            var staged = AtomicFile.Stage(target, s => s.Write(content), s =>
            {
                using var read = new MemoryStream();
                s.CopyTo(read);
                checkedBytes = read.ToArray();
            });
            Assert.Equal(content, checkedBytes); // the check reads the file from its start, all of it
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)), staged.Sha256);
            Assert.False(File.Exists(target), "staged, not yet in place");
            staged.Commit();
            Assert.Equal(content, File.ReadAllBytes(target));

            var refused = Assert.Throws<InvalidOperationException>(() =>
                AtomicFile.Stage(Path.Combine(dir, "NURSKZKX.xml"), s => s.Write(content), _ => throw new InvalidOperationException("not valid")));
            Assert.Equal("not valid", refused.Message);
            Assert.Equal(["HSBKKZKX.xml"], Directory.GetFiles(dir).Select(Path.GetFileName)); // no temporary of the refused file
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}

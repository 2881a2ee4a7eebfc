using System.Diagnostics;

namespace PayBatch.Tests.Support;

/// <summary>Opens a page in Debian's headless Chromium and keeps its screenshot in artifacts/.</summary>
public static class Chromium
{
    /// <returns>The screenshot's bytes, after checking it is a PNG with something on it.</returns>
    public static byte[] Screenshot(string html, string pngName, string windowSize = "1000,1800")
    {
        var chromium = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);
        Assert.True(chromium is not null, "Debian's chromium is needed for this test: scripts/test.sh installs it");
        var artifacts = Path.Combine(Repo.Root, "artifacts");
        Directory.CreateDirectory(artifacts);
        var png = Path.Combine(artifacts, pngName);
        File.Delete(png);
        var profile = Directory.CreateTempSubdirectory("paybatch-chromium").FullName;
        var psi = new ProcessStartInfo(chromium!)
        {
            ArgumentList =
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", $"--user-data-dir={profile}", $"--window-size={windowSize}",
                $"--screenshot={png}", new Uri(html).AbsoluteUri,
            },
            RedirectStandardError = true, RedirectStandardOutput = true,
        };
        using (var p = Process.Start(psi)!)
        {
            p.StandardError.ReadToEndAsync();
            p.StandardOutput.ReadToEndAsync();
            Assert.True(p.WaitForExit(90_000), "chromium did not finish");
        }
        Directory.Delete(profile, recursive: true);
        Assert.True(File.Exists(png), "no screenshot");
        var bytes = File.ReadAllBytes(png);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        Assert.True(bytes.Length > 20_000, "the screenshot is nearly empty");
        return bytes;
    }
}

using System.Diagnostics;
using System.IO.Compression;
using System.Reflection;
using System.Xml.Linq;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using Xunit.Abstractions;

namespace SmartRetry.Client.Tests.Packaging;

/// <summary>
/// The client as a team takes it: packed from the built project, the package carries its readme, licence, release
/// notes and symbols and nothing it does not use, and a fresh console project outside the repository restores it from
/// a local feed and calls a loopback server through it.
/// </summary>
public sealed class PackageTests(ITestOutputHelper output) : IDisposable
{
    private static readonly string Root = typeof(PackageTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    private static readonly string Configuration = typeof(PackageTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;

    private readonly string work = Directory.CreateTempSubdirectory("smartretry-package-").FullName;

    private readonly WireMockServer server = WireMockServer.Start();

    // A version of its own, so NuGet's cache never serves an earlier package under the same number.
    private readonly string version = $"0.1.0-test.{Guid.NewGuid():N}";

    [Fact]
    public async Task The_packed_client_carries_its_documents_and_works_in_a_fresh_project()
    {
        string feed = Directory.CreateDirectory(Path.Combine(work, "feed")).FullName;
        await RunAsync("dotnet", Root, "pack", Path.Combine(Root, "src", "SmartRetry.Client"), "--no-build", "-c", Configuration, "-o", feed, $"-p:PackageVersion={version}");

        string package = Path.Combine(feed, $"SmartRetry.Client.{version}.nupkg");
        Assert.True(File.Exists(Path.Combine(feed, $"SmartRetry.Client.{version}.snupkg")), "No symbols package.");
        using (ZipArchive archive = ZipFile.OpenRead(package))
        {
            string[] entries = [.. archive.Entries.Select(e => e.FullName)];
            Assert.Contains("README.md", entries);
            Assert.Contains("LICENSE", entries);
            Assert.Contains("CHANGELOG.md", entries);
            Assert.Contains("lib/net10.0/SmartRetry.Client.dll", entries);
            XDocument nuspec = XDocument.Load(archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
            XNamespace ns = nuspec.Root!.Name.Namespace;
            XElement metadata = nuspec.Root.Element(ns + "metadata")!;
            Assert.Equal("MIT", metadata.Element(ns + "license")!.Value);
            Assert.Equal("README.md", metadata.Element(ns + "readme")!.Value);
            string[] dependencies = [.. metadata.Descendants(ns + "dependency").Select(d => d.Attribute("id")!.Value)];
            Assert.DoesNotContain("Microsoft.Extensions.Options.DataAnnotations", dependencies);
            Assert.Contains("RestSharp", dependencies);
        }

        server.Given(Request.Create().WithPath("/health/").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody("""{ "status": "healthy", "timestamp": "2026-04-01T14:22:13Z" }"""));
        string consumer = Directory.CreateDirectory(Path.Combine(work, "consumer")).FullName;
        // Adds the local feed to the sources the machine already has (no <clear/>: the dependencies come from there).
        await File.WriteAllTextAsync(Path.Combine(consumer, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration><packageSources><add key="local" value="{feed}" /></packageSources></configuration>
            """);
        await File.WriteAllTextAsync(Path.Combine(consumer, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
              <ItemGroup><PackageReference Include="SmartRetry.Client" Version="{version}" /></ItemGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(consumer, "Program.cs"), """
            using SmartRetry.Client;
            using var http = new HttpClient();
            var client = new SmartRetryClient(http, new SmartRetryClientOptions { BaseUrl = new Uri(args[0]), ApiKey = "sk_test_package", TerminalId = "TERM01" });
            var health = await client.Health.GetHealthAsync();
            Console.WriteLine($"status={health.Value.Status} http={health.StatusCode}");
            """);

        string printed = await RunAsync("dotnet", consumer, "run", "--", server.Url!);

        Assert.Contains("status=healthy http=200", printed, StringComparison.Ordinal);
        Assert.Single(server.LogEntries, entry => entry.RequestMessage?.Path == "/health/");
    }

    public void Dispose()
    {
        server.Stop();
        Directory.Delete(work, recursive: true);

        // The test's own version leaves NuGet's global cache again (its dependencies stay: they are the real ones).
        string cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        string cached = Path.Combine(cache, "smartretry.client", version);
        if (Directory.Exists(cached))
        {
            Directory.Delete(cached, recursive: true);
        }
    }

    private async Task<string> RunAsync(string program, string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo(program, arguments) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        // The test host's own MSBuild settings must not leak into the child builds.
        foreach (string variable in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k == "VSTEST_HOST_DEBUG").ToList())
        {
            start.Environment.Remove(variable);
        }

        using Process process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        Task<string> stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        string text = await stdout + await stderr;
        output.WriteLine($"$ {program} {string.Join(' ', arguments)}{Environment.NewLine}{text}");
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', arguments)} exited {process.ExitCode}:{Environment.NewLine}{text}");
        return text;
    }
}

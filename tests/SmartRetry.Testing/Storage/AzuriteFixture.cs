using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Azure.Data.Tables;
using Xunit;

namespace SmartRetry.Testing.Storage;

/// <summary>
/// One Azurite for a test run. Uses the one the test command started (connection string in
/// <see cref="ConnectionStringVariable"/>); otherwise starts one from the repository's node_modules on free loopback
/// ports, so that <c>dotnet test</c> from an IDE works too. Table names are unique per fixture instance, so runs and
/// tests never see each other's rows.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public const string ConnectionStringVariable = "SMARTRETRY_TEST_STORAGE";

    // Azurite's well-known development account; it is public and only ever valid against the emulator.
    private const string DevAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly string _runId = Guid.NewGuid().ToString("N")[..10];
    private int _tableCounter;
    private Process? _azurite;
    private string? _dataDirectory;

    public string ConnectionString { get; private set; } = "";

    /// <summary>
    /// Starts an Azurite of this fixture's own even when the test command started one, so a test can pause it
    /// (<see cref="Pause"/>) without stopping anybody else's storage.
    /// </summary>
    public bool OwnInstance { get; init; }

    public TableServiceClient TableService { get; private set; } = null!;

    /// <summary>A table name no other run or test uses: letters and digits, starting with a letter, at most 63 characters.</summary>
    public string NewTableName(string purpose)
    {
        string letters = new(purpose.Where(char.IsAsciiLetterOrDigit).ToArray());
        if (letters.Length == 0 || !char.IsAsciiLetter(letters[0]))
        {
            letters = "t" + letters;
        }

        string suffix = _runId + Interlocked.Increment(ref _tableCounter).ToString(System.Globalization.CultureInfo.InvariantCulture);
        string prefix = letters.Length + suffix.Length > 63 ? letters[..(63 - suffix.Length)] : letters;
        return prefix + suffix;
    }

    /// <summary>Creates a fresh table and returns a client for it.</summary>
    public async Task<TableClient> CreateTableAsync(string purpose, CancellationToken cancellationToken = default)
    {
        TableClient table = TableService.GetTableClient(NewTableName(purpose));
        await table.CreateIfNotExistsAsync(cancellationToken);
        return table;
    }

    public async Task InitializeAsync()
    {
        string? configured = OwnInstance ? null : Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            ConnectionString = configured;
        }
        else
        {
            ConnectionString = await StartAzuriteAsync();
        }

        TableService = new TableServiceClient(ConnectionString);
    }

    /// <summary>
    /// Freezes this fixture's own Azurite (SIGSTOP): its ports still accept connections, but nothing is answered, as
    /// storage that hangs does. <see cref="Resume"/> lets it go on where it stopped.
    /// </summary>
    public void Pause() => Signal("-STOP");

    public void Resume() => Signal("-CONT");

    private void Signal(string signal)
    {
        Process azurite = _azurite is { HasExited: false } running
            ? running
            : throw new InvalidOperationException("Only an Azurite this fixture started (OwnInstance) can be paused.");
        using Process kill = Process.Start("kill", [signal, azurite.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])
            ?? throw new InvalidOperationException("kill did not start.");
        kill.WaitForExit();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill {signal} {azurite.Id} failed with {kill.ExitCode}.");
        }
    }

    public Task DisposeAsync()
    {
        if (_azurite is { HasExited: false })
        {
            _azurite.Kill(entireProcessTree: true);
            _azurite.WaitForExit(TimeSpan.FromSeconds(10));
        }

        _azurite?.Dispose();
        if (_dataDirectory is not null && Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }

        return Task.CompletedTask;
    }

    public static string ConnectionStringFor(int blobPort, int queuePort, int tablePort) =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        $"AccountKey={DevAccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;" +
        $"QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;";

    private async Task<string> StartAzuriteAsync()
    {
        string executable = FindAzurite()
            ?? throw new InvalidOperationException(
                $"No Azurite: set {ConnectionStringVariable}, or run 'npm ci' in the repository root so node_modules/.bin/azurite exists.");

        int blobPort = FreePort(), queuePort = FreePort(), tablePort = FreePort();
        _dataDirectory = Directory.CreateTempSubdirectory("azurite-").FullName;
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[]
                 {
                     "--silent", "--skipApiVersionCheck", "--loose", "--location", _dataDirectory,
                     "--blobHost", "127.0.0.1", "--blobPort", $"{blobPort}",
                     "--queueHost", "127.0.0.1", "--queuePort", $"{queuePort}",
                     "--tableHost", "127.0.0.1", "--tablePort", $"{tablePort}",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        _azurite = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        _azurite.OutputDataReceived += (_, _) => { };
        _azurite.ErrorDataReceived += (_, _) => { };
        _azurite.BeginOutputReadLine();
        _azurite.BeginErrorReadLine();

        using var deadline = new CancellationTokenSource(StartTimeout);
        while (!await AcceptsConnectionsAsync(tablePort, deadline.Token))
        {
            if (_azurite.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {_azurite.ExitCode} before listening.");
            }

            // Polling a process we started: there is no readiness signal to await instead.
            await Task.Delay(TimeSpan.FromMilliseconds(100), deadline.Token);
        }

        return ConnectionStringFor(blobPort, queuePort, tablePort);
    }

    private static async Task<bool> AcceptsConnectionsAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? FindAzurite()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, "node_modules", ".bin", "azurite");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}

using System.Diagnostics;
using System.Net;

namespace SmartRetry.Testing.Hosting;

/// <summary>
/// A Functions app in the Azure Functions host, started the way a developer starts it: <c>func start --port N</c> in
/// the project's directory (<c>src/SmartRetry.Functions</c>, or the load floor's), with whichever <c>func</c> is on PATH (Azure Functions Core Tools, or the stand-in
/// that runs the same host). The settings go in as the host process's environment, which both give precedence over
/// local.settings.json, so a developer's own settings file is neither read for these values nor touched.
/// </summary>
public sealed class FunctionsHostProcess : IAsyncDisposable
{
    private static readonly TimeSpan HealthProbeTimeout = TimeSpan.FromSeconds(5);
    private readonly string projectDirectory;
    private readonly IReadOnlyDictionary<string, string> settings;
    private readonly string logPath;
    private readonly HttpClient probe = new() { Timeout = HealthProbeTimeout };
    private Process? process;
    private StreamWriter? log;
    private int starts;
    private int startupErrors;

    public FunctionsHostProcess(string projectDirectory, int port, IReadOnlyDictionary<string, string> settings, string logPath)
    {
        this.projectDirectory = projectDirectory;
        this.settings = settings;
        this.logPath = logPath;
        Port = port;
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");
    }

    public int Port { get; }

    public Uri BaseUrl { get; }

    public string LogPath => logPath;

    /// <summary>The <c>func</c> process while it runs; the host and the worker are its descendants.</summary>
    public int? ProcessId => process is { HasExited: false } running ? running.Id : null;

    /// <summary>The <c>func</c> on PATH, or null: Azure Functions Core Tools (or a stand-in for it) is not installed.</summary>
    public static string? FindFunc()
    {
        foreach (string directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(directory, "func");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Starts the host and waits, up to <paramref name="timeout"/>, until <c>/api/health</c> answers 200.</summary>
    public async Task StartAsync(bool build, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        if (process is { HasExited: false })
        {
            throw new InvalidOperationException("The Functions host is already running.");
        }

        string func = FindFunc() ?? throw new InvalidOperationException(
            "No 'func' on PATH: install Azure Functions Core Tools v4 to run the end-to-end tests.");
        var start = new ProcessStartInfo(func)
        {
            WorkingDirectory = projectDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("start");
        start.ArgumentList.Add("--port");
        start.ArgumentList.Add(Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (!build)
        {
            start.ArgumentList.Add("--no-build");
        }

        foreach ((string name, string value) in settings)
        {
            start.Environment[name] = value;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
        log ??= new StreamWriter(logPath, append: false) { AutoFlush = true };
        starts++;
        startupErrors = 0;
        WriteLog($"==> func start #{starts} (port {Port}, build {build}) at {DateTimeOffset.UtcNow:O}");
        process = Process.Start(start) ?? throw new InvalidOperationException($"'{func}' did not start.");
        process.OutputDataReceived += (_, e) => WriteLog(e.Data);
        process.ErrorDataReceived += (_, e) => WriteLog(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            while (!await IsHealthyAsync(deadline.Token))
            {
                if (Volatile.Read(ref startupErrors) >= 3)
                {
                    throw new InvalidOperationException($"The Functions host keeps failing to start (a configuration error?); see {logPath}.");
                }

                if (process.HasExited)
                {
                    throw new InvalidOperationException($"The Functions host exited with code {process.ExitCode} before it was healthy; see {logPath}.");
                }

                // Polling a process we started: it offers no readiness signal to await instead.
                await Task.Delay(TimeSpan.FromMilliseconds(250), deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The Functions host was not healthy within {timeout.TotalSeconds:0} s; see {logPath}.");
        }
    }

    /// <summary>Ends the host and everything it started at once (SIGKILL to the whole process tree), as a crash would.</summary>
    public void Kill()
    {
        if (process is null)
        {
            return;
        }

        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(30));
        }

        WriteLog($"==> func killed at {DateTimeOffset.UtcNow:O}");
        process.Dispose();
        process = null;
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        probe.Dispose();
        log?.Dispose();
        log = null;
        return ValueTask.CompletedTask;
    }

    private async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            using HttpResponseMessage response = await probe.GetAsync(new Uri(BaseUrl, "api/health"), cancellationToken);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private void WriteLog(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (line.Contains("A host error has occurred during startup", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref startupErrors);
        }

        StreamWriter? writer = log;
        if (writer is null)
        {
            return;
        }

        lock (writer)
        {
            try
            {
                writer.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // The last lines of a killed host may arrive after the run closed its log.
            }
        }
    }
}

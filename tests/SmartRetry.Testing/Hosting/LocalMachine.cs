using System.Net;
using System.Net.Sockets;

namespace SmartRetry.Testing.Hosting;

/// <summary>Where the repository is and which loopback port is free: what every fixture that starts a host needs.</summary>
public static class LocalMachine
{
    /// <summary>The repository root: the first folder above the running assembly that holds SmartRetry.Functions.sln.</summary>
    public static string RepositoryRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SmartRetry.Functions.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (SmartRetry.Functions.sln) is not above the running assembly.");
    }

    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

using System.Globalization;

namespace SmartRetry.LoadDriver;

/// <summary>CPU time (user + system) of a process and all its descendants, from /proc: the host and its worker together.</summary>
public static class ProcessTreeCpu
{
    // USER_HZ: the unit of /proc/<pid>/stat's times; 100 on every Linux the .NET runtime supports.
    private const double TicksPerSecond = 100;

    public static TimeSpan Read(int rootPid)
    {
        var parents = new Dictionary<int, (int Parent, long Ticks)>();
        foreach (string directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out int pid))
            {
                continue;
            }

            try
            {
                string stat = File.ReadAllText(Path.Combine(directory, "stat"));

                // The command name (field 2) is in parentheses and may hold spaces; fields after it are space-separated.
                string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                int parent = int.Parse(fields[1], CultureInfo.InvariantCulture);
                long ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                parents[pid] = (parent, ticks);
            }
            catch (IOException)
            {
                // The process ended while we read.
            }
        }

        long total = 0;
        foreach ((int pid, (int _, long ticks)) in parents)
        {
            for (int current = pid; parents.TryGetValue(current, out var entry); current = entry.Parent)
            {
                if (current == rootPid)
                {
                    total += ticks;
                    break;
                }
            }
        }

        return TimeSpan.FromSeconds(total / TicksPerSecond);
    }
}

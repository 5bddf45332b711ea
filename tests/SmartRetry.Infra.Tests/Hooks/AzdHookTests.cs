using System.Diagnostics;
using System.Text;
using SmartRetry.Infra.Tests.Bicep;

namespace SmartRetry.Infra.Tests.Hooks;

/// <summary>
/// The azd hooks (scripts/azd), run offline with stand-ins for <c>az</c>, <c>azd</c> and <c>curl</c> on PATH that
/// keep a fake Key Vault in a folder and record every call: what a first <c>azd up</c> creates, that a second one
/// overwrites nothing, and that a missing value stops with the variable to set.
/// </summary>
public sealed class AzdHookTests : IDisposable
{
    private static readonly string Scripts = Path.GetFullPath(Path.Combine(BicepCli.InfraDirectory, "..", "scripts", "azd"));

    private readonly string root = Directory.CreateTempSubdirectory("azd-hooks-").FullName;

    private string Vault => Path.Combine(root, "vault");

    private string CallLog => Path.Combine(root, "calls.log");

    public AzdHookTests()
    {
        Directory.CreateDirectory(Vault);
        string bin = Directory.CreateDirectory(Path.Combine(root, "bin")).FullName;
        Stub(bin, "az", """
            echo "az $*" >> "$STUB_ROOT/calls.log"
            case "$1 $2 $3" in
              "keyvault secret show") name=""; while [ $# -gt 0 ]; do [ "$1" = --name ] && name="$2"; shift; done; [ -f "$STUB_ROOT/vault/$name" ] ;;
              "keyvault secret set") name=""; file=""; while [ $# -gt 0 ]; do case "$1" in --name) name="$2";; --file) file="$2";; esac; shift; done; cp "$file" "$STUB_ROOT/vault/$name" ;;
              *) exit 0 ;;
            esac
            """);
        Stub(bin, "azd", """echo "azd $*" >> "$STUB_ROOT/calls.log" """);
        // Answers the codes listed in $STUB_ROOT/health, one per call, then the last one for ever.
        Stub(bin, "curl", """
            echo "curl $*" >> "$STUB_ROOT/calls.log"
            code=$(head -n 1 "$STUB_ROOT/health"); [ "$(wc -l < "$STUB_ROOT/health")" -gt 1 ] && sed -i 1d "$STUB_ROOT/health"
            printf '%s' "$code"
            """);
    }

    [Fact]
    public async Task A_first_provision_creates_the_sealing_and_fingerprint_keys_and_keeps_the_given_credentials_to_Bicep()
    {
        HookResult result = await RunAsync("postprovision.sh", new() { ["SMARTRETRY_API_KEY"] = "sk_live_x", ["SMARTRETRY_WEBHOOK_SECRET"] = "whsec_x" });

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["card-fingerprint-key", "sealing-key-k1"], Directory.GetFiles(Vault).Select(Path.GetFileName).Order());
        foreach (string key in Directory.GetFiles(Vault))
        {
            Assert.Equal(32, Convert.FromBase64String(await File.ReadAllTextAsync(key)).Length);
        }

        Assert.DoesNotContain(result.Calls, call => call.Contains("--name smartretry-api-key", StringComparison.Ordinal) && call.Contains("secret set", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Calls, call => call.Contains("sk_live_x", StringComparison.Ordinal) || call.Contains("whsec_x", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_second_provision_overwrites_nothing()
    {
        foreach (string name in new[] { "sealing-key-k2", "card-fingerprint-key", "smartretry-api-key", "smartretry-webhook-secret" })
        {
            await File.WriteAllTextAsync(Path.Combine(Vault, name), "existing");
        }

        HookResult result = await RunAsync("postprovision.sh", new() { ["SMARTRETRY_SEALING_KEY_ID"] = "k2" });

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain(result.Calls, call => call.Contains("secret set", StringComparison.Ordinal));
        Assert.All(Directory.GetFiles(Vault), file => Assert.Equal("existing", File.ReadAllText(file)));
    }

    [Fact]
    public async Task Without_a_terminal_and_an_api_key_the_hooks_stop_naming_the_variable_to_set()
    {
        HookResult provision = await RunAsync("postprovision.sh", new() { ["SMARTRETRY_WEBHOOK_SECRET"] = "whsec_x" });
        HookResult terminal = await RunAsync("preprovision.sh", []);
        HookResult malformed = await RunAsync("preprovision.sh", new() { ["SMARTRETRY_TERMINAL_ID"] = "ABC12" });

        Assert.NotEqual(0, provision.ExitCode);
        Assert.Contains("SMARTRETRY_API_KEY", provision.Error, StringComparison.Ordinal);
        Assert.NotEqual(0, terminal.ExitCode);
        Assert.Contains("azd env set SMARTRETRY_TERMINAL_ID", terminal.Error, StringComparison.Ordinal);
        Assert.NotEqual(0, malformed.ExitCode);
        Assert.DoesNotContain(terminal.Calls.Concat(malformed.Calls), call => call.StartsWith("azd env set", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_terminal_id_given_is_kept_in_the_azd_environment()
    {
        HookResult result = await RunAsync("preprovision.sh", new() { ["SMARTRETRY_TERMINAL_ID"] = "ABC123" });

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("azd env set SMARTRETRY_TERMINAL_ID ABC123", result.Calls);
    }

    [Fact]
    public async Task After_deploy_the_app_is_restarted_and_the_webhook_url_printed_once_health_answers()
    {
        await File.WriteAllLinesAsync(Path.Combine(root, "health"), ["000", "503", "200"]);

        HookResult result = await RunAsync("postdeploy.sh", new()
        {
            ["FUNCTION_APP_NAME"] = "func-prod",
            ["AZURE_RESOURCE_GROUP"] = "rg-prod",
            ["FUNCTION_APP_HOST_NAME"] = "func-prod.azurewebsites.net",
            ["SMARTRETRY_WEBHOOK_URL"] = "https://func-prod.azurewebsites.net/api/webhooks/smartretry",
            ["SMARTRETRY_HEALTH_POLL_SECONDS"] = "0",
        });

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("az functionapp restart --name func-prod --resource-group rg-prod --output none", result.Calls[0]);
        Assert.Equal(3, result.Calls.Count(call => call.StartsWith("curl", StringComparison.Ordinal) && call.EndsWith("https://func-prod.azurewebsites.net/api/health", StringComparison.Ordinal)));
        Assert.Contains("https://func-prod.azurewebsites.net/api/webhooks/smartretry", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_health_that_never_answers_fails_the_deploy_within_its_bound()
    {
        await File.WriteAllLinesAsync(Path.Combine(root, "health"), ["503"]);

        HookResult result = await RunAsync("postdeploy.sh", new()
        {
            ["FUNCTION_APP_NAME"] = "func-prod",
            ["AZURE_RESOURCE_GROUP"] = "rg-prod",
            ["FUNCTION_APP_HOST_NAME"] = "func-prod.azurewebsites.net",
            ["SMARTRETRY_HEALTH_TIMEOUT_SECONDS"] = "0",
            ["SMARTRETRY_HEALTH_POLL_SECONDS"] = "0",
        });

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("did not answer 200", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Register this webhook URL", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Azure_yaml_runs_the_hooks()
    {
        string azureYaml = File.ReadAllText(Path.Combine(BicepCli.InfraDirectory, "..", "azure.yaml"));

        foreach (string hook in new[] { "preprovision", "postprovision", "postdeploy" })
        {
            Assert.Contains($"  {hook}:", azureYaml, StringComparison.Ordinal);
            Assert.Contains($"scripts/azd/{hook}.sh", azureYaml, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(Scripts, $"{hook}.sh")), $"{hook}.sh is missing.");
        }
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    private static void Stub(string bin, string name, string body)
    {
        string path = Path.Combine(bin, name);
        File.WriteAllText(path, "#!/usr/bin/env bash\n" + body + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private async Task<HookResult> RunAsync(string script, Dictionary<string, string> environment)
    {
        File.Delete(CallLog);
        var start = new ProcessStartInfo("bash", [Path.Combine(Scripts, script)])
        {
            RedirectStandardInput = true, // not a terminal: the hooks must not prompt
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = root,
        };
        foreach (string inherited in start.Environment.Keys.Where(BicepCli.IsDeploymentVariable).ToList())
        {
            start.Environment.Remove(inherited);
        }

        start.Environment["PATH"] = Path.Combine(root, "bin") + Path.PathSeparator + start.Environment["PATH"];
        start.Environment["STUB_ROOT"] = root;
        start.Environment["KEY_VAULT_NAME"] = "kv-prod";
        foreach ((string key, string value) in environment)
        {
            start.Environment[key] = value;
        }

        using Process process = Process.Start(start)!;
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        Task<string> output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        Task<string> error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        string[] calls = File.Exists(CallLog) ? await File.ReadAllLinesAsync(CallLog, Encoding.UTF8) : [];
        return new HookResult(process.ExitCode, await output, await error, calls);
    }

    private sealed record HookResult(int ExitCode, string Output, string Error, string[] Calls);
}

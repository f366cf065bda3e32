using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using ReproGet.Core.Errors;

namespace ReproGet.Sources.Oci;

/// <summary>
/// Docker's credential-helper protocol: run <c>docker-credential-NAME get</c>, write the server address on stdin,
/// read <c>{"ServerURL":…,"Username":…,"Secret":…}</c> from stdout. "Not found" is not an error: the registry
/// is then used anonymously.
/// </summary>
public static class CredentialHelper
{
    public static async Task<RegistryCredential?> GetAsync(string name, string serverAddress, string configuredIn,
        CancellationToken cancellationToken)
    {
        var program = "docker-credential-" + name;
        var origin = $"{program} (named in {configuredIn})";
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("get");
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new Win32Exception("not started");
        }
        catch (Win32Exception e)
        {
            throw new ReproGetException($"cannot run the credential helper {origin}: {e.Message}",
                $"install {program} on PATH, or remove \"{name}\" from {configuredIn}", e);
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.StandardInput.WriteAsync(serverAddress).ConfigureAwait(false);
            process.StandardInput.Close();
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            var output = (await stdout.ConfigureAwait(false)).Trim();
            var errors = (await stderr.ConfigureAwait(false)).Trim();
            if (process.ExitCode != 0)
            {
                if ((output + errors).Contains("credentials not found", StringComparison.OrdinalIgnoreCase))
                {
                    return null;
                }
                throw new ReproGetException($"the credential helper {origin} failed for \"{serverAddress}\" "
                    + $"(exit code {process.ExitCode}): {(errors.Length > 0 ? errors : output)}",
                    $"check it by hand: echo {serverAddress} | {program} get");
            }
            return Parse(output, origin);
        }
    }

    private static RegistryCredential? Parse(string output, string origin)
    {
        try
        {
            using var json = JsonDocument.Parse(output);
            var username = Text(json.RootElement, "Username");
            var secret = Text(json.RootElement, "Secret");
            if (secret.Length == 0)
            {
                return null;
            }
            return username == RegistryCredential.TokenUsername
                ? new RegistryCredential("", "", secret, origin)
                : new RegistryCredential(username, secret, null, origin);
        }
        catch (JsonException e)
        {
            throw new ReproGetException($"the credential helper {origin} printed something that is not JSON: {e.Message}",
                "it should print {\"ServerURL\":…,\"Username\":…,\"Secret\":…}");
        }
    }

    private static string Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";
}

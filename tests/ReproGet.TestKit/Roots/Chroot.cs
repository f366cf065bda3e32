using ReproGet.Core.Processes;

namespace ReproGet.TestKit.Roots;

/// <summary>
/// Runs a command chrooted into a Debian root with an empty environment, as a container starts, and /proc mounted
/// in a private mount namespace (the .NET runtime needs it; nothing leaks to the host). The runtime's diagnostics
/// socket is turned off, so a .NET program leaves nothing in the root's /tmp. Needs root.
/// </summary>
public static class Chroot
{
    /// <summary>With the host's network (a chroot shares it): apt-get can reach the mirror, tests their loopback servers.</summary>
    public static Task<ProcessResult> RunAsync(string root, params string[] arguments) => Run(root, [], arguments);

    /// <summary>In a network namespace of its own (<c>unshare --net</c>): proves nothing is fetched.</summary>
    public static Task<ProcessResult> RunOfflineAsync(string root, params string[] arguments) => Run(root, ["--net"], arguments);

    private static Task<ProcessResult> Run(string root, string[] namespaces, string[] arguments) =>
        ProcessRunner.RunAsync("unshare",
            [.. namespaces, "--mount", "--fork", "--", "sh", "-c", "mount -t proc proc \"$1/proc\" && exec chroot \"$@\"", "sh", root,
                "/usr/bin/env", "-i", "PATH=/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "HOME=/root", "DEBIAN_FRONTEND=noninteractive",
                "DOTNET_EnableDiagnostics=0",
                .. arguments],
            CancellationToken.None, throwOnFailure: false);
}

namespace ReproGet.Core.Distros;

/// <summary>
/// A plugin's <see cref="IDistro.Bundle"/>: how a plain POSIX script installs its packages, for machines where
/// repro-get itself cannot run (a deterministic RISC-V VM, a rescue system, a bare Alpine image): no .NET, no network.
/// </summary>
public interface IBundleInstaller
{
    /// <summary>The package tool the script calls, checked before anything happens (<c>dpkg</c>, <c>rpm</c>, …).</summary>
    string BundleTool { get; }

    /// <summary>
    /// Shell lines that install, in one transaction, the verified package files given as <c>"$@"</c>; detached
    /// signatures sit beside them as <c>&lt;file&gt;.sig</c>.
    /// </summary>
    string BundleInstallCommand { get; }
}

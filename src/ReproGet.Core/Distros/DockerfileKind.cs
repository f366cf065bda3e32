namespace ReproGet.Core.Distros;

/// <summary>The Dockerfiles <c>dockerfile generate</c> writes; the value names the template and the file written.</summary>
public enum DockerfileKind
{
    /// <summary><c>Dockerfile.generate-hash</c>: installs the packages once against a snapshot and outputs the lockfile.</summary>
    GenerateHash,

    /// <summary><c>Dockerfile</c>: installs exactly the locked files with repro-get and squashes to one layer.</summary>
    Install,

    /// <summary><c>Dockerfile</c> for a base where repro-get cannot run: fetch in one stage, install with the bundle's install.sh.</summary>
    InstallFromBundle,
}

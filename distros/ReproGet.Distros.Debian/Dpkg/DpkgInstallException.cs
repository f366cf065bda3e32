using ReproGet.Core.Errors;

namespace ReproGet.Distros.Debian.Dpkg;

/// <summary>dpkg refused or failed the transaction; the message carries dpkg's own reason.</summary>
public sealed class DpkgInstallException(string message)
    : ReproGetException(message,
        "if a dependency is missing, the lockfile is not closed under dependencies: on the system that made it, `apt-get install` "
        + "the packages and run `repro-get hash generate` again. The fetched files stay in the cache, so a retry downloads nothing.");

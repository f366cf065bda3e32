namespace ReproGet.Core.Errors;

/// <summary>The selected distro plugin does not implement the requested feature.</summary>
public sealed class NotSupportedByDistroException(string distro, string feature)
    : ReproGetException($"the distro plugin \"{distro}\" does not implement {feature}",
        "choose another plugin with --distro, or see `repro-get info` for what this one supports");

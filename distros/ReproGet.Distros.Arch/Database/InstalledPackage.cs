namespace ReproGet.Distros.Arch.Database;

/// <summary>A package in pacman's local database: what <c>pacman -Q</c> lists, with its architecture.</summary>
public sealed record InstalledPackage(string Name, string Version, string Architecture);

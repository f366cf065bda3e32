namespace ReproGet.Core.Distros;

/// <summary>An <see cref="IBundleInstaller"/> that is fixed text: the tool a plugin's bundle needs and the lines that run it.</summary>
public sealed record BundleInstaller(string BundleTool, string BundleInstallCommand) : IBundleInstaller;

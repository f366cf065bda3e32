namespace ReproGet.Core.Projects;

/// <summary>One <c>[[rebuilder]]</c> table: a rebuilderd instance and the PEM file of the Ed25519 key its attestations must carry.</summary>
public sealed record RebuilderEntry(string Name, Uri Url, string KeyPath);

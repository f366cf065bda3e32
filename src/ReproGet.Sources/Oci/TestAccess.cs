using System.Runtime.CompilerServices;

// The token cache and service are internal; their tests drive them directly.
[assembly: InternalsVisibleTo("ReproGet.Sources.Oci.Tests")]

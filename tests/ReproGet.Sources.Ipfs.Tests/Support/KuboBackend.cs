using ReproGet.Sources.Ipfs.Car;
using ReproGet.Sources.Ipfs.Multiformats;

namespace ReproGet.Sources.Ipfs.Tests.Support;

/// <summary>A real node's RPC API as the data behind <see cref="TrustlessGateway"/>: <c>dag/export</c> and <c>block/get</c>.</summary>
public sealed class KuboBackend(HttpClient client, string apiUrl) : IGatewayBackend
{
    public async Task<byte[]?> BlockAsync(Cid cid)
    {
        using var response = await client.PostAsync($"{apiUrl}/api/v0/block/get?arg={cid}&timeout=5s", null);
        return response.IsSuccessStatusCode ? await response.Content.ReadAsByteArrayAsync() : null;
    }

    public async Task<Stream?> VerbatimCarAsync(Cid root)
    {
        var response = await client.PostAsync($"{apiUrl}/api/v0/dag/export?arg={root}", null);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStreamAsync();
    }

    /// <summary>The node's own CAR, section by section (to alter or reorder it).</summary>
    public async Task<IReadOnlyList<(Cid Cid, byte[] Block)>> DepthFirstAsync(Cid root)
    {
        await using var car = (await VerbatimCarAsync(root))!;
        var reader = new CarReader(car, "dag export");
        await reader.ReadHeaderAsync(CancellationToken.None);
        var sections = new List<(Cid, byte[])>();
        while (await reader.ReadBlockAsync(CancellationToken.None) is { } section)
        {
            sections.Add((section.Cid, section.Data));
        }
        return sections;
    }

    public async Task<byte[]?> FileAsync(Cid root)
    {
        using var response = await client.PostAsync($"{apiUrl}/api/v0/cat?arg={root}", null);
        return response.IsSuccessStatusCode ? await response.Content.ReadAsByteArrayAsync() : null;
    }
}

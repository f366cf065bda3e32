using System.CommandLine;
using ReproGet.Sources.Ipfs.UnixFs;

namespace ReproGet.Cli.Commands.Ipfs;

/// <summary><c>ipfs add</c>'s layout flags, with Kubo's meaning: <c>--cid-version 1</c> implies raw leaves.</summary>
internal static class UnixFsLayoutOptions
{
    public static readonly Option<int> CidVersion = CreateCidVersion();

    public static readonly Option<bool?> RawLeaves = new("--raw-leaves")
    {
        Description = "Leaves as raw blocks (default: true with --cid-version 1, false with 0)",
    };

    public static void AddTo(Command command)
    {
        command.Options.Add(CidVersion);
        command.Options.Add(RawLeaves);
    }

    public static UnixFsImportOptions Bind(ParseResult parseResult) =>
        UnixFsImportOptions.ForCidVersion(parseResult.GetValue(CidVersion), parseResult.GetValue(RawLeaves));

    private static Option<int> CreateCidVersion()
    {
        var option = new Option<int>("--cid-version")
        {
            Description = "0: Qm… as `ipfs add` (the Go tool's push); 1: base32 bafy…/bafk… with raw leaves, as `ipfs add --cid-version 1`",
            DefaultValueFactory = _ => 0,
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is not (0 or 1))
            {
                result.AddError("--cid-version must be 0 or 1");
            }
        });
        return option;
    }
}

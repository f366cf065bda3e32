using System.CommandLine;
using ReproGet.Cli;

// The process's own signal handling: see TerminationSignals.
using var signals = TerminationSignals.Register(why => Console.Error.WriteLine($"repro-get: {why}"));
return await CliApp.RunAsync(args, new InvocationConfiguration { ProcessTerminationTimeout = null }, signals.Token)
    .ConfigureAwait(false);

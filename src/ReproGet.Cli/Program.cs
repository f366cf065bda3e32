using ReproGet.Cli;

return await CliApp.RunAsync(args).ConfigureAwait(false);

using PayBatch.Cli;

return await CliApp.RunAsync(args, CliHost.FromProcess()).ConfigureAwait(false);

using PayBatch.Cli;

OwnerOnly.ForEveryNewFile();
return await CliApp.RunAsync(args, CliHost.FromProcess()).ConfigureAwait(false);

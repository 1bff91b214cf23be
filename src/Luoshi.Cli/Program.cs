using Luoshi.Cli;

return await LuoshiCli.RunAsync(args);

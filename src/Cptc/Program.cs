return Cptc.Cli.Run(args, Console.Out, Console.Error, Console.OpenStandardInput);

using IacPlatform.AppHost.Commands;

// run (default) | publish --output DIR | infra start|stop --dir DIR; see README.md.
return await AppHostCommands.RunAsync(args);

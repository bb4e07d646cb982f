using System.Globalization;
using XRocketPay.Sandbox;

// dotnet run --project src/XRocketPay.Sandbox -- --urls http://127.0.0.1:5080
var options = new SandboxOptions { Urls = SandboxDefaults.Url };
var customTokens = new List<string>();
var customBalances = new Dictionary<string, decimal>(StringComparer.Ordinal);
try
{
    for (var i = 0; i < args.Length; i++)
    {
        string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
        switch (args[i])
        {
            case "--urls": options.Urls = Value(); break;
            case "--token": customTokens.Add(Value()); break;
            case "--balance":
                var pair = Value().Split('=', 2);
                customBalances[pair[0].ToUpperInvariant()] = pair.Length == 2 && decimal.TryParse(pair[1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
                    ? amount : throw new ArgumentException("--balance takes ASSET=AMOUNT, like TONCOIN=100.5.");
                break;
            case "--rate-limit": options.RateLimitPerMinute = int.Parse(Value(), CultureInfo.InvariantCulture); break;
            case "--webhook-secret": options.WebhookSecret = Value(); break;
            case "--state-file": options.StateFile = Value(); break;
            case "--withdrawal-delay-ms": options.WithdrawalCompletionDelay = TimeSpan.FromMilliseconds(int.Parse(Value(), CultureInfo.InvariantCulture)); break;
            case "--max-mass-transfer-rows": options.MaxMassTransferRows = int.Parse(Value(), CultureInfo.InvariantCulture); break;
            case "--allow-remote": options.AllowNonLoopback = true; break;
            case "--dialect": options.Dialect = Enum.TryParse<SandboxDialect>(Value(), ignoreCase: true, out var dialect) && Enum.IsDefined(dialect) ? dialect : throw new ArgumentException("--dialect takes transfers or payouts."); break;
            case "--shape": options.Shape = Value().ToLowerInvariant() switch { "full" => SandboxShape.Full, "evidence" => SandboxShape.Evidence, _ => throw new ArgumentException("--shape takes full or evidence.") }; break;
            case "--invoice-expiry-unit": options.InvoiceExpiryUnit = SandboxConfig.ParseExpiryUnit(Value()) ?? throw new ArgumentException("--invoice-expiry-unit takes milliseconds or seconds."); break;
            case "--help" or "-h":
                Console.WriteLine(SandboxHelp.Text);
                return 0;
            default: throw new ArgumentException($"Unknown option '{args[i]}' (see --help).");
        }
    }
}
catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

if (customTokens.Count > 0)
{
    options.Tokens.Clear();
    foreach (var token in customTokens)
    {
        options.Tokens.Add(token);
    }
}

if (customBalances.Count > 0)
{
    options.StartingBalances.Clear();
    foreach (var (asset, amount) in customBalances)
    {
        options.StartingBalances[asset] = amount;
    }
}

SandboxServer server;
try
{
    server = await SandboxServer.StartAsync(options, consoleLogging: true);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}
catch (IOException)
{
    Console.Error.WriteLine($"The sandbox cannot listen on {options.Urls}: the address is already in use. Choose another port (--urls http://127.0.0.1:0 takes a free one).");
    return 2;
}

await using (server)
{
    Console.WriteLine($"XRocketPay sandbox listening on {server.BaseUri.ToString().TrimEnd('/')}");
    Console.WriteLine($"Dialect: {options.Dialect.ToString().ToLowerInvariant()}, shape: {options.Shape.ToString().ToLowerInvariant()}");
    foreach (var token in options.Tokens)
    {
        Console.WriteLine($"Token: {token}");
    }

    await server.WaitForShutdownAsync();
}

return 0;

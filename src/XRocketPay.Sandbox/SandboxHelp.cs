namespace XRocketPay.Sandbox;

/// <summary>What <c>xrocket-sandbox --help</c> prints: every option with its default (README.md has the same table).</summary>
internal static class SandboxHelp
{
    public static string Text { get; } = $"""
        xrocket-sandbox: a local emulator of the xRocket Pay API v1, for trying and
        testing scripts offline. Money moves only inside it.

        Usage: xrocket-sandbox [options]

        Options:
          --urls URL            Where to listen (loopback only). Default:
                                {SandboxDefaults.Url}, where Connect-XRocket
                                -Environment Sandbox looks. http://127.0.0.1:0
                                takes a free port and prints it.
          --token T             An accepted token (repeatable; replaces the
                                default '{SandboxDefaults.Token}').
          --balance ASSET=AMOUNT
                                A starting balance (repeatable; replaces the
                                defaults of 10000 each), like TONCOIN=100.5.
          --rate-limit N        Requests per minute per token and route, then
                                429 with Retry-After. Default: off.
          --webhook-secret S    The key of the webhook Signature HMAC. Default:
                                '{SandboxDefaults.WebhookSecret}'.
          --state-file PATH     Keep state across restarts (JSON). Default:
                                memory only.
          --withdrawal-delay-ms N
                                How long a withdrawal stays CREATED. Default: 2000.
          --max-mass-transfer-rows N
                                Most rows in one mass transfer. Default: {SandboxDefaults.MaxMassTransferRows}.
          --dialect transfers|payouts
                                Which naming of the transfer routes is served.
                                Default: transfers.
          --shape full|evidence evidence: only the fields a public source shows.
                                Default: full.
          --invoice-expiry-unit milliseconds|seconds
                                The unit an invoice's expiresIn is read in.
                                Default: milliseconds.
          --allow-remote        Allow a non-loopback address in --urls.
          -h, --help            Show this text.

        Connect from PowerShell:
          xrocket-sandbox
          Connect-XRocket -Environment Sandbox
        It sends $env:XROCKET_API_KEY when set: start the sandbox with --token
        and that token, or remove the variable to use the default token.

        More: Get-Help about_XRocketPay_Testing, and the sandbox's README.md.
        """;
}

using System.Collections;
using System.Management.Automation.Runspaces;
using System.Net;
using System.Security;

namespace XRocketPay.PowerShell.Commands.Connection;

/// <summary>Connects this session (runspace) to xRocket Pay after verifying the token with one call.</summary>
[Cmdlet(VerbsCommunications.Connect, "XRocket", DefaultParameterSetName = ApiKeySet)]
[OutputType(typeof(XRocketConnection))]
public sealed class ConnectXRocketCommand : XRocketCmdletBase
{
    private XRocketConnection? _candidate;
    private XRocketConnection? _dropped;

    private const string ApiKeySet = "ApiKey";
    private const string CredentialSet = "Credential";
    private const string VaultSet = "Vault";
    internal const string TokenVariable = "XROCKET_API_KEY";

    [Parameter(ParameterSetName = ApiKeySet, Position = 0)]
    public SecureString? ApiKey { get; set; }

    [Parameter(ParameterSetName = CredentialSet, Mandatory = true)]
    [Credential]
    public PSCredential? Credential { get; set; }

    [Parameter(ParameterSetName = VaultSet, Mandatory = true)]
    public string? Vault { get; set; }

    [Parameter(ParameterSetName = VaultSet, Mandatory = true)]
    public string? SecretName { get; set; }

    [Parameter]
    public XRocketEnvironment Environment { get; set; } = XRocketEnvironment.Production;

    /// <summary>
    /// How the server names its transfer family (transfers or payouts); Auto maps known hosts and asks any
    /// other host once, with read-only look-ups.
    /// </summary>
    [Parameter]
    public XRocketApiDialect ApiDialect { get; set; } = XRocketApiDialect.Auto;

    /// <summary>
    /// The unit the server reads an invoice's expiresIn in. Auto sends milliseconds (the contract) and checks each
    /// new invoice's expiresAt: after a ×1000 mismatch it warns once and sends the server's unit from then on.
    /// </summary>
    [Parameter]
    public XRocketInvoiceExpiryUnit InvoiceExpiryUnit { get; set; } = XRocketInvoiceExpiryUnit.Auto;

    /// <summary>Any address of the API; plain http only for loopback (the local sandbox).</summary>
    [Parameter]
    public Uri? BaseUri { get; set; }

    [Parameter]
    [ValidateRange(1, 600)]
    public int TimeoutSec { get; set; } = 30;

    /// <summary>Retries after the first attempt for transient failures.</summary>
    [Parameter]
    [ValidateRange(0, 10)]
    public int MaxRetries { get; set; } = 3;

    [Parameter]
    public Uri? Proxy { get; set; }

    /// <summary>A client-side limit per route for every call of this connection (payout cmdlets may set their own).</summary>
    [Parameter]
    [ValidateRange(0.01, 1000.0)]
    public double RequestsPerSecond { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void EndProcessing()
    {
        // A failed re-connect must not leave the old account connected (issue 14 item 5): forget it first.
        _dropped = ConnectionStore.Current;
        ConnectionStore.Current = null;
        var (token, tokenSource) = ResolveToken();
        XRocketClient client;
        try
        {
            client = new XRocketClient(new XRocketClientOptions
            {
                // -BaseUri alone names no environment (shown as Custom): it is production only at a production address.
                Environment = BaseUri is not null && !MyInvocation.BoundParameters.ContainsKey(nameof(Environment)) ? null : Environment,
                BaseUri = BaseUri,
                Dialect = ApiDialect,
                InvoiceExpiryUnit = InvoiceExpiryUnit,
                Token = new XRocketApiToken(token),
                Timeout = TimeSpan.FromSeconds(TimeoutSec),
                Retry = new XRocketRetryPolicy { MaxAttempts = MaxRetries + 1 },
                Proxy = Proxy is null ? null : new WebProxy(Proxy),
                Throttle = MyInvocation.BoundParameters.ContainsKey(nameof(RequestsPerSecond)) ? new XRocketThrottle(RequestsPerSecond) { Waiting = PayoutRunProgress.ReportThrottle } : null,
                UserAgentComment = "+PowerShell/" + PowerShellVersion(),
                Trace = HttpTrace.Write,
                TraceDetail = HttpTrace.Wanted,
            });
        }
        catch (ArgumentException ex)
        {
            ThrowTerminatingError(new ErrorRecord(ex, ModuleErrorIds.InvalidParameter, ErrorCategory.InvalidArgument, BaseUri));
            return;
        }

        var environmentName = client.Options.Environment?.ToString() ?? "Custom";
        var candidate = new XRocketConnection(client, environmentName, app: null, tokenSource);
        _candidate = candidate;
        try
        {
            // Balances certainly need a valid token: it is the verification call.
            Call((c, ct) => c.GetBalancesAsync(ct));
            var app = Call((c, ct) => c.GetAppInfoAsync(ct));
            Call((c, ct) => c.ResolveDialectAsync(ct));
            var connection = new XRocketConnection(client, environmentName, app, tokenSource);
            ConnectionStore.Current = connection;
            if (PassThru)
            {
                WriteObject(connection);
            }
        }
        catch (XRocketException ex)
        {
            var error = ErrorRecords.From(ex, client.BaseUri);
            var afterword = Afterword(ex, client.BaseUri, tokenSource);
            if (afterword.Length > 0)
            {
                error.ErrorDetails = new ErrorDetails(ex.Message.TrimEnd().TrimEnd('.') + "." + afterword);
            }

            ThrowTerminatingError(error);
        }
    }

    /// <summary>
    /// What a failed connect adds to the error (issue 25 item 5, issue 30 item 2): how to start the sandbox, which
    /// token the sandbox refused, and the connection it dropped.
    /// </summary>
    private string Afterword(XRocketException failure, Uri address, string tokenSource)
    {
        var text = "";
        if (failure is XRocketTransportException && Environment == XRocketEnvironment.Sandbox)
        {
            text += $" No sandbox answered at {address}: start one with the xrocket-sandbox tool (it listens on {XRocketClientOptions.SandboxUri.ToString().TrimEnd('/')},"
                + " where -Environment Sandbox looks; with --urls http://127.0.0.1:0 it prints the free port it took, then pass that address with -BaseUri);"
                + " in the source repository: Import-Module ./tools/XRocketSandbox.psm1; $s = Start-XRocketSandbox, then -BaseUri $s.BaseUri.";
        }

        if (failure is XRocketApiException { StatusCode: HttpStatusCode.Unauthorized } && Environment == XRocketEnvironment.Sandbox)
        {
            text += $" The sandbox refused the token from {tokenSource}: start the sandbox with --token and that token,"
                + $" or connect without a token (and without $env:{TokenVariable}) to use the sandbox's own token.";
        }

        if (_dropped is not null)
        {
            text += $" The earlier connection ({_dropped.Environment}, {_dropped.BaseUri}) was dropped: this session is not connected now.";
        }

        return text;
    }

    /// <summary>The connection being verified: calls go through it before it is stored.</summary>
    protected override XRocketConnection ActiveConnection => _candidate!;

    /// <summary>The token and where it came from (shown by Get-XRocketConnection as TokenSource, never the token).</summary>
    private (string Token, string Source) ResolveToken()
    {
        switch (ParameterSetName)
        {
            case CredentialSet:
                return (Credential!.GetNetworkCredential().Password, "-Credential");
            case VaultSet:
                return (SecretFromVault(), $"-Vault {Vault} -SecretName {SecretName}");
        }

        if (ApiKey is not null)
        {
            return (SecureStrings.ToPlainText(ApiKey), "-ApiKey");
        }

        // The variable is used for the sandbox too (issue 30 item 2): a runbook tested against the sandbox must
        // show a token problem as production would. The sandbox never logs or echoes a token it is sent.
        if (System.Environment.GetEnvironmentVariable(TokenVariable) is { Length: > 0 } fromEnvironment)
        {
            return (fromEnvironment, "$env:" + TokenVariable);
        }

        if (Environment == XRocketEnvironment.Sandbox)
        {
            WriteVerbose($"-Environment Sandbox with no token and no ${TokenVariable}: using the sandbox's default token.");
            return (XRocketClientOptions.SandboxToken, SandboxTokenSource);
        }

        ThrowTerminatingError(ErrorRecords.Input(ModuleErrorIds.TokenNotFound,
            $"No API token: pass -ApiKey (a SecureString), -Credential, or -Vault/-SecretName, or set $env:{TokenVariable}.", null, ErrorCategory.AuthenticationError));
        return ("", "");
    }

    internal const string SandboxTokenSource = "the sandbox's default token";

    /// <summary>SecretManagement, resolved at run time so the module has no dependency on it.</summary>
    private string SecretFromVault()
    {
        var results = InvokeCommand.InvokeScript("param($name, $vault) Get-Secret -Name $name -Vault $vault -ErrorAction Stop", true, PipelineResultTypes.None, null, SecretName, Vault);
        var secret = results.Count > 0 ? results[0]?.BaseObject : null;
        switch (secret)
        {
            case SecureString secure:
                return SecureStrings.ToPlainText(secure);
            case string text:
                return text;
            case PSCredential credential:
                return credential.GetNetworkCredential().Password;
            default:
                ThrowTerminatingError(ErrorRecords.Input(ModuleErrorIds.TokenNotFound,
                    $"Secret '{SecretName}' in vault '{Vault}' is not a string, SecureString or PSCredential.", SecretName, ErrorCategory.InvalidData));
                return "";
        }
    }

    private string PowerShellVersion() =>
        SessionState.PSVariable.GetValue("PSVersionTable") is Hashtable table && table["PSVersion"] is { } version ? version.ToString() ?? "" : "";
}

# Dot-sourced by every *.Tests.ps1 in BeforeAll: the staged module, a sandbox of this file's own on a
# free loopback port, and its admin surface ($script:SandboxAdmin, with a few PowerShell names for it).
[Diagnostics.CodeAnalysis.SuppressMessageAttribute('PSUseDeclaredVarsMoreThanAssignments', '', Justification = 'Used by the test files that dot-source this one.')]
param()

$script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$script:StagedManifest = Join-Path $script:RepoRoot 'out/XRocketPay/XRocketPay.psd1'
Import-Module (Join-Path $script:RepoRoot 'tools/XRocketSandbox.psm1') -Force
Import-Module $script:StagedManifest -Force

# Amounts in views and messages must not depend on the machine's culture: tests pin it.
[System.Threading.Thread]::CurrentThread.CurrentCulture = [System.Globalization.CultureInfo]::InvariantCulture

# A valid-looking TON address (the sandbox checks the shape per network).
$script:TonAddress = '0:ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12'

# The transfer family's paths in the dialect this run's sandbox serves (faults are set on exact paths).
$script:Family = if ("$env:XROCKET_TEST_SANDBOX_ARGS" -match '--dialect payouts') {
    @{ Many = '/api/v1/payouts'; One = '/api/v1/payout'; Mass = '/api/v1/mass-payouts' }
}
else {
    @{ Many = '/api/v1/transfers'; One = '/api/v1/transfer'; Mass = '/api/v1/mass-transfers' }
}

# Timeout tests connect with a short timeout that a busy machine's ordinary calls still meet, and inject a
# delay derived from it, so the delayed call always outlasts it: no guess of how fast the machine is.
$script:ShortTimeoutSec = 5
$script:TimeoutDelayMs = ($script:ShortTimeoutSec + 2) * 1000

# The sandbox's admin surface, tests/XRocketPay.TestSupport/SandboxAdmin.cs method for method: the same
# names over the same endpoints (SandboxAdminMirrorTests holds the names to it), answers as PowerShell reads
# JSON. Not the compiled class itself: this suite also runs under Windows PowerShell 5.1
# (.github/workflows/test.yml), which cannot load a net10.0 assembly, and where the module's private
# System.Text.Json loading is under test and must not meet a test helper's.
class SandboxAdmin {
    [string] $BaseUri
    [string] $WebhookSink

    SandboxAdmin([string] $BaseUri) {
        $this.BaseUri = $BaseUri.TrimEnd('/')
        $this.WebhookSink = "$($this.BaseUri)/sandbox/webhook-sink"
    }

    hidden [object] Send([string] $Method, [string] $Path, [object] $Body) {
        $call = @{ Method = $Method; Uri = "$($this.BaseUri)/sandbox/$Path" }
        if ($null -ne $Body) {
            $call.Body = $Body | ConvertTo-Json -Depth 5 -Compress
            $call.ContentType = 'application/json'
        }

        return Invoke-RestMethod @call
    }

    [void] Reset() { $null = $this.Send('Post', 'reset', $null) }

    [object[]] Ledger() { return @($this.Send('Get', 'ledger', $null).assets) }

    [decimal] Balance([string] $Asset) { return [decimal]($this.Ledger() | Where-Object asset -EQ $Asset).balance }

    [decimal] Holds([string] $Asset) { return [decimal]($this.Ledger() | Where-Object asset -EQ $Asset).holds }

    # Every logged call to the API.
    [object[]] Requests() { return @($this.Send('Get', 'requests', $null).items | Where-Object path -Like '/api/*') }

    # The requests that could change state: anything but GET.
    [object[]] StateChangingRequests() { return @($this.Requests() | Where-Object method -NE 'GET') }

    [void] ClearRequests() { $null = $this.Send('Delete', 'requests', $null) }

    [void] AddFault([hashtable] $Fault) { $null = $this.Send('Post', 'faults', $Fault) }

    [object[]] Faults() { return @($this.Send('Get', 'faults', $null).items) }

    [void] ClearFaults() { $null = $this.Send('Delete', 'faults', $null) }

    [object] Config() { return $this.Send('Get', 'config', $null) }

    [void] SetConfig([hashtable] $Setting) { $null = $this.Send('Put', 'config', $Setting) }

    [void] RedeemCheque([string] $ChequeId) { $null = $this.Send('Post', "cheques/redeem?chequeId=$([uri]::EscapeDataString($ChequeId))", $null) }

    [void] ExpireInvoice([string] $InvoiceId) { $null = $this.Send('Post', "invoices/expire?invoiceId=$([uri]::EscapeDataString($InvoiceId))", $null) }

    [object[]] ReceivedWebhooks() { return @($this.Send('Get', 'webhook-sink', $null).items) }

    [object[]] WebhookDeliveries() { return @($this.Send('Get', 'webhooks', $null).items) }
}

# The admin surface of a sandbox a test starts itself.
function Get-SandboxAdmin {
    param([Parameter(Mandatory)] [string] $BaseUri)
    [SandboxAdmin]::new($BaseUri)
}

# A token no test may ever see printed, logged or stored.
$script:CanaryToken = 'CANARY-7f3e9a1c-token-DO-NOT-LEAK'

function Open-TestSandbox {
    param(
        [string[]] $ArgumentList = @(),

        # Also connect this session to it with the sandbox token.
        [switch] $Connect
    )

    # build.ps1 runs the suite a second time against another API dialect and the strict evidence shape.
    $suite = if ($env:XROCKET_TEST_SANDBOX_ARGS) { @($env:XROCKET_TEST_SANDBOX_ARGS -split ' ' | Where-Object { $_ }) } else { @() }
    $all = @('--token', 'sandbox-token', '--token', $script:CanaryToken, '--withdrawal-delay-ms', '300') + $suite + $ArgumentList
    $script:Sandbox = Start-XRocketSandbox -ArgumentList $all -Confirm:$false
    $script:BaseUri = $script:Sandbox.BaseUri
    $script:SandboxAdmin = Get-SandboxAdmin -BaseUri $script:BaseUri
    if ($Connect) {
        Connect-TestSandbox
    }
}

function Close-TestSandbox {
    Disconnect-XRocket -ErrorAction SilentlyContinue
    $script:SandboxAdmin = $null
    if ($script:Sandbox) {
        Stop-XRocketSandbox -Sandbox $script:Sandbox -Confirm:$false
        $script:Sandbox = $null
    }
}

# PowerShell names for the admin calls most files make; anything else: $script:SandboxAdmin's methods.
function Clear-SandboxState {
    $script:SandboxAdmin.Reset()
}

function Clear-SandboxRequest {
    $script:SandboxAdmin.ClearRequests()
}

function Get-SandboxRequest {
    $script:SandboxAdmin.Requests()
}

function Get-StateChangingRequest {
    $script:SandboxAdmin.StateChangingRequests()
}

function Get-SandboxBalance {
    param([Parameter(Mandatory)] [string] $Asset)
    $script:SandboxAdmin.Balance($Asset)
}

function Add-SandboxFault {
    param([Parameter(Mandatory)] [hashtable] $Fault)
    $script:SandboxAdmin.AddFault($Fault)
}

function Set-SandboxConfig {
    [Diagnostics.CodeAnalysis.SuppressMessageAttribute('PSUseShouldProcessForStateChangingFunctions', '', Justification = 'Changes the test''s own sandbox only.')]
    param([Parameter(Mandatory)] [hashtable] $Setting)
    $script:SandboxAdmin.SetConfig($Setting)
}

function Connect-TestSandbox {
    param([string] $Token = 'sandbox-token')
    $key = [System.Net.NetworkCredential]::new('', $Token).SecurePassword
    Connect-XRocket -BaseUri $script:BaseUri -ApiKey $key
}

# A loopback TCP port free at the time of asking (for a listener a test starts).
function Get-FreeTcpPort {
    $probe = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $probe.Start()
    try { $probe.LocalEndpoint.Port } finally { $probe.Stop() }
}

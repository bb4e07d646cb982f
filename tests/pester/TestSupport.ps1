# Dot-sourced by every *.Tests.ps1 in BeforeAll: the staged module, a sandbox of this file's own on a
# free loopback port, and small helpers that read the sandbox's ledger and request log.
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
    if ($Connect) {
        Connect-TestSandbox
    }
}

function Close-TestSandbox {
    Disconnect-XRocket -ErrorAction SilentlyContinue
    if ($script:Sandbox) {
        Stop-XRocketSandbox -Sandbox $script:Sandbox -Confirm:$false
        $script:Sandbox = $null
    }
}

function Invoke-SandboxAdmin {
    param(
        [Parameter(Mandatory)] [string] $Path,
        [string] $Method = 'Get',
        [object] $Body
    )

    $call = @{ Method = $Method; Uri = "$script:BaseUri/sandbox/$Path" }
    if ($PSBoundParameters.ContainsKey('Body')) {
        $call.Body = $Body | ConvertTo-Json -Depth 5
        $call.ContentType = 'application/json'
    }

    Invoke-RestMethod @call
}

function Clear-SandboxState {
    $null = Invoke-SandboxAdmin -Path reset -Method Post
}

function Clear-SandboxRequest {
    $null = Invoke-SandboxAdmin -Path requests -Method Delete
}

# Every logged call to the API (admin calls are not logged).
function Get-SandboxRequest {
    @((Invoke-SandboxAdmin -Path requests).items | Where-Object { $_.path -like '/api/*' })
}

# The requests that could change state: anything but GET.
function Get-StateChangingRequest {
    @(Get-SandboxRequest | Where-Object { $_.method -ne 'GET' })
}

function Get-SandboxBalance {
    param([Parameter(Mandatory)] [string] $Asset)
    [decimal]((Invoke-SandboxAdmin -Path ledger).assets | Where-Object asset -EQ $Asset).balance
}

function Add-SandboxFault {
    param([Parameter(Mandatory)] [hashtable] $Fault)
    $null = Invoke-SandboxAdmin -Path faults -Method Post -Body $Fault
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

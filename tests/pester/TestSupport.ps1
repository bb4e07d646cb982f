# Dot-sourced by every *.Tests.ps1 in BeforeAll: the staged module, a sandbox of this file's own on a
# free loopback port, and its admin surface: $script:SandboxAdmin, the one helper every suite uses
# (tests/XRocketPay.TestSupport/SandboxAdmin.cs, built with the solution), with a few PowerShell names for it.
[Diagnostics.CodeAnalysis.SuppressMessageAttribute('PSUseDeclaredVarsMoreThanAssignments', '', Justification = 'Used by the test files that dot-source this one.')]
param()

$script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$script:StagedManifest = Join-Path $script:RepoRoot 'out/XRocketPay/XRocketPay.psd1'
Import-Module (Join-Path $script:RepoRoot 'tools/XRocketSandbox.psm1') -Force
Import-Module $script:StagedManifest -Force

# Both configurations may be built: the newest is the current code (as Start-XRocketSandbox picks the sandbox).
if (-not ('XRocketPay.TestSupport.SandboxAdmin' -as [type])) {
    $testSupport = 'Debug', 'Release' |
        ForEach-Object { Join-Path $script:RepoRoot "tests/XRocketPay.TestSupport/bin/$_/net10.0/XRocketPay.TestSupport.dll" } |
        Where-Object { Test-Path -LiteralPath $_ } |
        Sort-Object { (Get-Item -LiteralPath $_).LastWriteTimeUtc } -Descending |
        Select-Object -First 1
    if (-not $testSupport) {
        throw 'The test support is not built: run ./build.ps1 -Task Build first.'
    }

    Add-Type -Path $testSupport
}

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
    $script:SandboxAdmin = [XRocketPay.TestSupport.SandboxAdmin]::new($script:BaseUri, $script:Sandbox.Token)
    if ($Connect) {
        Connect-TestSandbox
    }
}

function Close-TestSandbox {
    Disconnect-XRocket -ErrorAction SilentlyContinue
    if ($script:SandboxAdmin) {
        $script:SandboxAdmin.Dispose()
        $script:SandboxAdmin = $null
    }

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

# Every logged call to the API.
function Get-SandboxRequest {
    $script:SandboxAdmin.Requests()
}

# The requests that could change state: anything but GET.
function Get-StateChangingRequest {
    $script:SandboxAdmin.StateChangingRequests()
}

function Get-SandboxBalance {
    param([Parameter(Mandatory)] [string] $Asset)
    $script:SandboxAdmin.Balance($Asset)
}

# Hashtables go as PowerShell's JSON: their values may be wrapped in PSObjects.
function Add-SandboxFault {
    param([Parameter(Mandatory)] [hashtable] $Fault)
    $script:SandboxAdmin.AddFault(($Fault | ConvertTo-Json -Depth 5 -Compress))
}

function Set-SandboxConfig {
    [Diagnostics.CodeAnalysis.SuppressMessageAttribute('PSUseShouldProcessForStateChangingFunctions', '', Justification = 'Changes the test''s own sandbox only.')]
    param([Parameter(Mandatory)] [hashtable] $Setting)
    $script:SandboxAdmin.SetConfig(($Setting | ConvertTo-Json -Depth 5 -Compress))
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

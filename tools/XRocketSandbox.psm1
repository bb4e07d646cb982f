# Starts and stops the XRocketPay sandbox on a free loopback port (used by build.ps1 and the Pester tests): the
# one built in this repository, or an installed `xrocket-sandbox` tool.

function Start-XRocketSandbox {
    <#
    .SYNOPSIS
    Starts the sandbox on a free loopback port and returns its process, address and token.
    #>
    [CmdletBinding(SupportsShouldProcess, DefaultParameterSetName = 'Built')]
    [OutputType([pscustomobject])]
    param(
        # Default: the most recent build of the repository's sandbox.
        [Parameter(ParameterSetName = 'Built')]
        [ValidateSet('Debug', 'Release')]
        [string] $Configuration,

        # An installed sandbox command instead (dotnet tool install XRocketPay.Sandbox: xrocket-sandbox).
        [Parameter(Mandatory, ParameterSetName = 'Installed')]
        [string] $FilePath,

        [ValidateRange(1, 600)]
        # An upper bound only (a busy machine starts it slowly); a healthy start returns at once.
        [int] $TimeoutSec = 180,

        # More sandbox options, as on its command line: '--dialect', 'payouts', '--rate-limit', '600', ...
        [string[]] $ArgumentList = @()
    )

    $arguments = [System.Collections.Generic.List[string]]::new()
    if ($FilePath) {
        $startInfo = [System.Diagnostics.ProcessStartInfo]::new($FilePath)
    }
    else {
        # Both configurations may be built (Test builds Debug, Package Release): the newest is the current code.
        $candidates = if ($Configuration) { @($Configuration) } else { @('Debug', 'Release') }
        $dll = $candidates |
            ForEach-Object { Join-Path $PSScriptRoot "../src/XRocketPay.Sandbox/bin/$_/net10.0/XRocketPay.Sandbox.dll" } |
            Where-Object { Test-Path -LiteralPath $_ } |
            Sort-Object { (Get-Item -LiteralPath $_).LastWriteTimeUtc } -Descending |
            Select-Object -First 1
        if (-not $dll) {
            throw "The sandbox is not built: run ./build.ps1 -Task Build first."
        }

        $startInfo = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
        $arguments.Add($dll)
    }

    if (-not $PSCmdlet.ShouldProcess('127.0.0.1', 'Start the XRocketPay sandbox')) {
        return
    }

    $arguments.Add('--urls')
    $arguments.Add('http://127.0.0.1:0')
    foreach ($argument in $ArgumentList) {
        $arguments.Add($argument)
    }

    # Windows PowerShell 5.1 (.NET Framework) has no ArgumentList: one quoted string there.
    if ($startInfo.PSObject.Properties['ArgumentList']) {
        foreach ($argument in $arguments) { $startInfo.ArgumentList.Add($argument) }
    }
    else {
        $startInfo.Arguments = ($arguments | ForEach-Object { '"' + $_ + '"' }) -join ' '
    }

    $startInfo.RedirectStandardOutput = $true
    $startInfo.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($startInfo)

    $baseUri = $null
    $token = $null
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSec)
    $pending = $process.StandardOutput.ReadLineAsync()
    while ((-not $baseUri -or -not $token) -and [DateTime]::UtcNow -lt $deadline) {
        if (-not $pending.Wait(250)) {
            continue
        }

        $line = $pending.Result
        if ($null -eq $line) {
            break
        }

        if ($line -match 'XRocketPay sandbox listening on (\S+)') {
            $baseUri = $Matches[1]
        }
        elseif ($line -match '^Token: (\S+)') {
            $token = $Matches[1]
        }

        if (-not $baseUri -or -not $token) {
            $pending = $process.StandardOutput.ReadLineAsync()
        }
    }

    if (-not $baseUri -or -not $token) {
        $exited = $process.HasExited
        if (-not $exited) {
            $process.Kill()
        }

        if ($exited) {
            throw "The sandbox stopped with exit code $($process.ExitCode) before it reported its address (its error output says why)."
        }

        throw "The sandbox did not report its address within $TimeoutSec s."
    }

    # Keep draining its console so a chatty sandbox never blocks on a full pipe.
    $null = $process.StandardOutput.BaseStream.CopyToAsync([System.IO.Stream]::Null)

    [pscustomobject]@{
        Process = $process
        BaseUri = $baseUri
        Token   = $token
    }
}

function Stop-XRocketSandbox {
    <#
    .SYNOPSIS
    Stops a sandbox started by Start-XRocketSandbox.
    #>
    [CmdletBinding(SupportsShouldProcess)]
    param(
        [Parameter(Mandatory, ValueFromPipeline)]
        [pscustomobject] $Sandbox
    )

    process {
        if ($Sandbox.Process -and -not $Sandbox.Process.HasExited -and $PSCmdlet.ShouldProcess($Sandbox.BaseUri, 'Stop the XRocketPay sandbox')) {
            $Sandbox.Process.Kill()
            $null = $Sandbox.Process.WaitForExit(10000)
        }
    }
}

Export-ModuleMember -Function Start-XRocketSandbox, Stop-XRocketSandbox

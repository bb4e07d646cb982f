<#
Pester tests for a payout script (payouts-from-csv.ps1, beside this file), against the local sandbox:
nothing real is paid. See about_XRocketPay_Testing.

    dotnet tool install -g XRocketPay.Sandbox
    Invoke-Pester ./Payouts.Tests.ps1

From a source checkout, give the built sandbox instead:
    $data = @{ Sandbox = 'dotnet', 'src/XRocketPay.Sandbox/bin/Debug/net10.0/XRocketPay.Sandbox.dll' }
    Invoke-Pester -Container (New-PesterContainer -Path ./examples/Payouts.Tests.ps1 -Data $data)
#>
param(
    # The sandbox command and its first arguments.
    [string[]] $Sandbox = @('xrocket-sandbox')
)

BeforeAll {
    Import-Module XRocketPay

    # A sandbox of our own on a free port (port 0): it prints the address it took.
    $start = [System.Diagnostics.ProcessStartInfo]::new($Sandbox[0])
    foreach ($argument in @($Sandbox | Select-Object -Skip 1) + @('--urls', 'http://127.0.0.1:0')) {
        $start.ArgumentList.Add($argument)
    }

    $start.RedirectStandardOutput = $true
    $script:SandboxProcess = [System.Diagnostics.Process]::Start($start)
    do {
        $line = $script:SandboxProcess.StandardOutput.ReadLine()
    } until ($null -eq $line -or $line -match 'listening on (\S+)')
    if ($null -eq $line) { throw 'The sandbox stopped before it printed its address.' }
    $script:BaseUri = $Matches[1]
    # Keep reading what it prints, so it never waits on a full pipe.
    $null = $script:SandboxProcess.StandardOutput.BaseStream.CopyToAsync([System.IO.Stream]::Null)

    # The sandbox's admin surface (/sandbox/...): reset, the ledger, the request log, faults.
    function Invoke-Sandbox {
        param([string] $Path, [string] $Method = 'Get', [hashtable] $Body)
        $call = @{ Uri = "$script:BaseUri/sandbox/$Path"; Method = $Method }
        if ($Body) { $call.Body = $Body | ConvertTo-Json; $call.ContentType = 'application/json' }
        Invoke-RestMethod @call
    }

    function Get-Balance {
        param([string] $Asset)
        [decimal]((Invoke-Sandbox -Path ledger).assets | Where-Object asset -EQ $Asset).balance
    }

    $script:PayoutScript = Join-Path $PSScriptRoot 'payouts-from-csv.ps1'
}

AfterAll {
    Disconnect-XRocket
    $script:SandboxProcess.Kill()
}

Describe 'payouts-from-csv.ps1' {
    BeforeEach {
        # Every test starts from the same balances (10,000 of each asset) and an empty request log.
        $null = Invoke-Sandbox -Path reset -Method Post
        $script:Retry = Join-Path $TestDrive 'retry.csv'
    }

    It 'pays each good row once, even when the script runs twice' {
        foreach ($run in 1..2) {
            & $script:PayoutScript -BaseUri $script:BaseUri -BatchId nov -RetryPath $script:Retry 3>$null 6>$null
        }

        Get-Balance -Asset TONCOIN | Should -Be (10000 - 1.23 - 0.5)
        Get-Balance -Asset USDT | Should -Be (10000 - 25)
        @(Import-Csv -Path $script:Retry).Count | Should -Be 2
    }

    It 'the dry run sends no payment' {
        Connect-XRocket -Environment Sandbox -BaseUri $script:BaseUri
        Import-Csv -Path (Join-Path $PSScriptRoot 'payouts.csv') |
            New-XRocketTransfer -BatchId nov -WhatIf -ErrorAction SilentlyContinue 6>$null
        $sent = (Invoke-Sandbox -Path requests).items | Where-Object { $_.method -ne 'GET' -and $_.path -like '/api/*' }
        $sent | Should -BeNullOrEmpty
        Get-Balance -Asset TONCOIN | Should -Be 10000
    }

    It 'an answer lost after the payment was made is reconciled, never paid again' {
        # The sandbox pays the first transfer, then answers 500 as if the answer had been lost.
        $null = Invoke-Sandbox -Path faults -Method Post -Body @{ method = 'POST'; path = '/api/v1/transfers'; mode = 'after-commit'; status = 500 }
        & $script:PayoutScript -BaseUri $script:BaseUri -BatchId nov -RetryPath $script:Retry 3>$null 6>$null

        Get-Balance -Asset TONCOIN | Should -Be (10000 - 1.23 - 0.5)
        $posts = @((Invoke-Sandbox -Path requests).items | Where-Object { $_.method -eq 'POST' -and $_.path -eq '/api/v1/transfers' })
        $posts[0].status | Should -Be 500
        # The retry carried the same client id, so the API answered it without paying twice.
        ($posts[1].body | ConvertFrom-Json).id | Should -Be ($posts[0].body | ConvertFrom-Json).id
    }
}

# The outage rows of the performance table (issue 19): a short outage while a payout run goes, as the issue
# measured it (one fault queued on the create route every 150 ms for 9 s in a 3,000-row mass run, every 100 ms
# for 30 s in a 1,000-row one-by-one run; -MaxRetries 3 -TimeoutSec 5), then the API answers again. Counted:
# outcomes, transfers in the ledger per client id, and rows reported Failed that were paid. Dot-sourced by
# PowerShell.Bench.ps1, whose helpers (Clear-SandboxState, New-Row, $admin, $base, $token, $rows) it uses.

function Add-OutageRow {
    param(
        [ValidateSet('New-XRocketMassTransfer', 'New-XRocketTransfer')] [string] $Command,
        [int] $RowCount,
        [int] $EveryMs,
        [int] $ForSec
    )

    Write-Step "outage: $Command, $RowCount rows, a fault every $EveryMs ms for $ForSec s"
    Clear-SandboxState
    Connect-XRocket -BaseUri $base -ApiKey ([System.Net.NetworkCredential]::new('', $token).SecurePassword) -MaxRetries 3 -TimeoutSec 5
    $route = if ($Command -eq 'New-XRocketMassTransfer') { 'mass' } else { 'single' }
    $path = (Invoke-RestMethod "$admin/config").dialect -eq 'payouts' ? @{ mass = '/api/v1/mass-payouts'; single = '/api/v1/payouts' }[$route] : @{ mass = '/api/v1/mass-transfers'; single = '/api/v1/transfers' }[$route]
    $batch = 1..$RowCount | ForEach-Object { [pscustomobject]@{ user_id = 500000 + $_; amount = '0.01'; asset = 'TRX' } }
    $faults = @(@{ mode = 'status'; status = 500 }, @{ mode = 'status'; status = 503 }, @{ mode = 'status'; status = 429 },
        @{ mode = 'drop' }, @{ mode = 'malformed' }, @{ mode = 'after-commit'; status = 500 })
    $injector = Start-ThreadJob -ArgumentList $admin, $path, $EveryMs, $ForSec, $faults -ScriptBlock {
        param($Admin, $Path, $Every, $For, $Faults)
        $until = [DateTime]::UtcNow.AddSeconds($For)
        $count = 0
        while ([DateTime]::UtcNow -lt $until) {
            $fault = $Faults[$count++ % $Faults.Count] + @{ method = 'POST'; path = $Path }
            $null = Invoke-RestMethod "$Admin/faults" -Method Post -ContentType 'application/json' -Body ($fault | ConvertTo-Json)
            Start-Sleep -Milliseconds $Every
        }

        # Then the API answers again: faults queued and not yet met are gone.
        $null = Invoke-RestMethod "$Admin/faults" -Method Delete
        $count
    }

    $extra = if ($Command -eq 'New-XRocketMassTransfer') { @{ SkipPreflight = $true } } else { @{} }
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    $result = @($batch | & $Command -BatchId "outage-$route" -Confirm:$false @extra -ErrorVariable failed -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)
    $watch.Stop()
    $injected = $injector | Receive-Job -Wait -AutoRemoveJob
    $transfers = @{}
    Get-XRocketTransfer | ForEach-Object { $transfers[$_.ClientTransferId] = 1 + [int]$transfers[$_.ClientTransferId] }
    $unknown = @($result | Where-Object Outcome -EQ 'Unknown').Count
    $failedPaid = @($result | Where-Object { $_.Outcome -eq 'Failed' -and $transfers[$_.ClientTransferId] }).Count
    $twice = @($transfers.Values | Where-Object { $_ -gt 1 }).Count
    $rows.Add((New-Row -Measurement "outage: ``$Command``, $($RowCount.ToString('N0', $invariant)) rows, a fault every $EveryMs ms for $ForSec s ($injected faults), first run" `
                -Measured "$unknown Unknown; $(@($result | Where-Object Outcome -EQ 'Sent').Count) Sent; $(@($failed).Count) errors; $($watch.Elapsed.TotalSeconds.ToString('0.0', $invariant)) s" `
                -Baseline "$($transfers.Count) transfers, $twice paid twice, $failedPaid Failed but paid" -Target '≤ 1 % Unknown, none paid twice, no Failed row paid' `
                -Met ($unknown -le $RowCount / 100 -and $twice -eq 0 -and $failedPaid -eq 0)))
    Connect-XRocket -BaseUri $base -ApiKey ([System.Net.NetworkCredential]::new('', $token).SecurePassword)
}

# The request rows of the performance table (issue 24): requests per route counted from the sandbox's request
# log (deterministic), turned into minutes at the live API's limit of about 20 requests a minute per route,
# and wall times against the sandbox rate-limited to 20 a minute. Dot-sourced by PowerShell.Bench.ps1, whose
# helpers (Clear-SandboxState, Clear-RequestLog, Get-ApiRequest, Format-RequestSummary, New-Row, $admin) it uses.

# The minutes a run takes at PerMinute requests a minute per route: its busiest route decides.
function Get-ModelledMinute {
    param([object[]] $Requests, [int] $PerMinute = 20)
    $busiest = @($Requests | Group-Object { "$($_.method) $($_.path)" } | Sort-Object Count -Descending | Select-Object -First 1)
    if (-not $busiest) { return [pscustomobject]@{ Route = 'none'; Count = 0; Minutes = 0.0 } }
    [pscustomobject]@{ Route = $busiest[0].Name -replace '/api/v1/', ''; Count = $busiest[0].Count; Minutes = [Math]::Ceiling($busiest[0].Count / $PerMinute) }
}

function Add-RequestCountRow {
    param([string] $Measurement, [object[]] $Requests, [int] $Target)
    $model = Get-ModelledMinute -Requests $Requests
    $count = @($Requests).Count
    $rows.Add((New-Row -Measurement $Measurement -Measured "$count requests; busiest $($model.Count) $($model.Route)" `
                -Ratio "$($model.Minutes) min at 20/min/route" -Target $(if ($Target -gt 0) { "≤ $Target in all" } else { '' }) `
                -Met $(if ($Target -gt 0) { $count -le $Target } else { $null }) -Requests (Format-RequestSummary $Requests)))
}

function Add-RequestRow {
    param([object[]] $Payout, [int] $SingleRows = 300)

    Write-Step "request counts: $($Payout.Count)-row mass run and re-run, $SingleRows-row one-by-one run and re-run"
    Clear-SandboxState; Clear-RequestLog
    $null = $Payout | New-XRocketMassTransfer -BatchId count-mass -Confirm:$false
    Add-RequestCountRow -Measurement "requests: ``New-XRocketMassTransfer -BatchId``, $($Payout.Count.ToString('N0', $invariant)) rows, first run" -Requests (Get-ApiRequest) -Target 8
    Clear-RequestLog
    $null = $Payout | New-XRocketMassTransfer -BatchId count-mass -Confirm:$false
    Add-RequestCountRow -Measurement 'requests: the same file re-run without a journal' -Requests (Get-ApiRequest) -Target 12

    $single = $Payout | Select-Object -First $SingleRows
    Clear-SandboxState; Clear-RequestLog
    $null = $single | New-XRocketTransfer -BatchId count-single -Confirm:$false
    Add-RequestCountRow -Measurement "requests: ``New-XRocketTransfer -BatchId``, $SingleRows rows, first run" -Requests (Get-ApiRequest) -Target 0
    Clear-RequestLog
    $null = $single | New-XRocketTransfer -BatchId count-single -Confirm:$false
    Add-RequestCountRow -Measurement 'requests: the same re-run without a journal' -Requests (Get-ApiRequest) -Target ($SingleRows + 10)
}

function Add-RateLimitedRow {
    param([object[]] $Payout)

    Write-Step "wall time with the sandbox limited to 20 requests a minute per route: $($Payout.Count)-row mass file and its re-run"
    Clear-SandboxState; Clear-RequestLog
    $null = Invoke-RestMethod "$admin/config" -Method Put -ContentType 'application/json' -Body '{"rateLimitPerMinute":20}'
    try {
        foreach ($run in 'first run', 're-run') {
            $watch = [System.Diagnostics.Stopwatch]::StartNew()
            $out = $Payout | New-XRocketMassTransfer -BatchId limited -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
            $watch.Stop()
            $paid = @($out | Where-Object { $_.Outcome -in 'Sent', 'AlreadyDone' }).Count
            $limited = @(Get-ApiRequest | Where-Object status -EQ 429).Count
            $rows.Add((New-Row -Measurement "wall time, ``--rate-limit 20``: $($Payout.Count.ToString('N0', $invariant))-row mass file, $run" `
                        -Measured "$($watch.Elapsed.TotalSeconds.ToString('0.0', $invariant)) s; $paid paid, $(@($failed).Count) errors" -Baseline "$limited answers 429 in the log" `
                        -Target '≤ 2 min, no 429 reaching the user' -Met ($watch.Elapsed.TotalMinutes -le 2 -and @($failed).Count -eq 0 -and $paid -eq $Payout.Count) `
                        -Requests (Format-RequestSummary (Get-ApiRequest))))
            Clear-RequestLog
        }
    }
    finally {
        $null = Invoke-RestMethod "$admin/config" -Method Put -ContentType 'application/json' -Body '{"rateLimitPerMinute":null}'
    }
}

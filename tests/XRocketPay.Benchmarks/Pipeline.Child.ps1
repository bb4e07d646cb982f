#Requires -Version 7.4
<#
.SYNOPSIS
One child pwsh of the benchmark (PowerShell.Bench.ps1 starts it with stdout redirected to a file, so
-WhatIf host lines go to that file, not to a console).

.DESCRIPTION
WhatIfTime : rows piped to New-XRocketTransfer -WhatIf and to an advanced function with the same binding and
             ShouldProcess, alternating, Runs times each; medians in milliseconds.
Memory     : Rows rows made one at a time and piped to Sink (New-XRocketTransfer -WhatIf -BatchId,
             New-XRocketMassTransfer -WhatIf -BatchId, Journal: New-XRocketMassTransfer -Journal with a journal
             that already knows every row as paid, so nothing is sent, or Out-Null); the managed heap after a full collection
             and the working set sampled every 20,000 rows.
Both write one JSON object to ResultFile.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [ValidateSet('WhatIfTime', 'Memory')] [string] $Mode,
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string] $BaseUri,
    [Parameter(Mandatory)] [string] $ResultFile,
    [int] $Rows = 10000,
    [int] $Runs = 5,
    [ValidateSet('Transfer', 'MassTransfer', 'Journal', 'OutNull')] [string] $Sink = 'Transfer'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
[System.Threading.Thread]::CurrentThread.CurrentCulture = [System.Globalization.CultureInfo]::InvariantCulture

Import-Module $ModuleManifest
Connect-XRocket -BaseUri $BaseUri -ApiKey ([System.Net.NetworkCredential]::new('', 'sandbox-token').SecurePassword)

# The baseline for -WhatIf: what a script author writes for the same job, binding the same row shapes
# (the same parameters, aliases and pipeline attributes) and asking ShouldProcess with the same text.
function Send-BaselineTransfer {
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High')]
    param(
        [Parameter(ValueFromPipeline, DontShow)] [psobject] $InputObject,
        [Parameter(Position = 0, ValueFromPipelineByPropertyName)]
        [Alias('UserId', 'user_id', 'tg_user_id', 'Target', 'TelegramId', 'telegram_user_id')]
        [AllowEmptyString()] [AllowNull()] [string] $TelegramUserId,
        [Parameter(Position = 1, ValueFromPipelineByPropertyName)] [AllowNull()] [object] $Amount,
        [Parameter(Position = 2, ValueFromPipelineByPropertyName)] [Alias('Currency')] [AllowEmptyString()] [AllowNull()] [string] $Asset,
        [Parameter(ValueFromPipelineByPropertyName)] [Alias('Comment')] [AllowEmptyString()] [AllowNull()] [string] $Description,
        [Parameter(ValueFromPipelineByPropertyName)] [Alias('client_transfer_id')] [AllowEmptyString()] [AllowNull()] [string] $ClientTransferId,
        [Parameter()] [ValidateNotNullOrEmpty()] [string] $BatchId,
        [Parameter(ValueFromPipelineByPropertyName)] [AllowEmptyString()] [AllowNull()] [string] $CallbackUrl
    )

    process {
        $user = "$TelegramUserId".Trim()
        $id = 0L
        if (-not [long]::TryParse($user, [System.Globalization.NumberStyles]::None, [cultureinfo]::InvariantCulture, [ref] $id) -or $id -le 0) {
            Write-Error "TelegramUserId '$user' is not a positive whole number."
            return
        }

        $value = [decimal]0
        if (-not [decimal]::TryParse("$Amount".Trim(), [System.Globalization.NumberStyles]::Number, [cultureinfo]::InvariantCulture, [ref] $value) -or $value -le 0) {
            Write-Error "Amount '$Amount' is not a positive amount."
            return
        }

        $code = "$Asset".Trim().ToUpperInvariant()
        $clientId = if ($ClientTransferId) { $ClientTransferId.Trim() } else { 'xrp-' + [guid]::NewGuid().ToString('N') }
        if (-not $PSCmdlet.ShouldProcess("Telegram user $user", "Transfer $value $code (client id $clientId)")) {
            return
        }
    }
}

function New-Row {
    [Diagnostics.CodeAnalysis.SuppressMessageAttribute('PSUseShouldProcessForStateChangingFunctions', '', Justification = 'Builds an input row in memory; changes no state.')]
    param([int] $Index)
    [pscustomobject]@{ user_id = [string](100000 + $Index); amount = '0.5'; asset = 'TRX' }
}

switch ($Mode) {
    'WhatIfTime' {
        $rowList = foreach ($index in 1..$Rows) { New-Row -Index $index }
        $module = [System.Collections.Generic.List[double]]::new()
        $function = [System.Collections.Generic.List[double]]::new()
        # One untimed pass of each so neither pays first-call costs in a measured run.
        $rowList | Select-Object -First 200 | New-XRocketTransfer -WhatIf
        $rowList | Select-Object -First 200 | Send-BaselineTransfer -WhatIf
        for ($run = 0; $run -lt $Runs; $run++) {
            $order = if ($run % 2) { 'function', 'module' } else { 'module', 'function' }
            foreach ($which in $order) {
                [GC]::Collect()
                $watch = [System.Diagnostics.Stopwatch]::StartNew()
                if ($which -eq 'module') { $rowList | New-XRocketTransfer -WhatIf } else { $rowList | Send-BaselineTransfer -WhatIf }
                $watch.Stop()
                if ($which -eq 'module') { $module.Add($watch.Elapsed.TotalMilliseconds) } else { $function.Add($watch.Elapsed.TotalMilliseconds) }
            }
        }

        $result = [ordered]@{ Rows = $Rows; ModuleMs = @($module); FunctionMs = @($function) }
    }
    'Memory' {
        $samples = [System.Collections.Generic.List[object]]::new()
        $sample = {
            param([int] $Done)
            $samples.Add([ordered]@{
                    Rows       = $Done
                    HeapBytes  = [GC]::GetTotalMemory($true)
                    WorkingSet = [Environment]::WorkingSet
                })
        }

        if ($Sink -eq 'Journal') {
            # A journal of a finished run: the client ids a -BatchId run derives, each with an intent and a Sent outcome.
            $journal = Join-Path ([System.IO.Path]::GetTempPath()) "xrocketpay-bench-$([guid]::NewGuid().ToString('N')).jsonl"
            $ids = [XRocketPay.Client.ClientIds]::new('bench-memory')
            $writer = [System.IO.StreamWriter]::new($journal)
            $writer.WriteLine('{"type":"run","at":"2026-01-01T00:00:00.000Z","batchId":"bench-memory","command":"New-XRocketMassTransfer","version":2}')
            foreach ($index in 1..$Rows) {
                $id = $ids.ForRow($null, [string](100000 + $index))
                $writer.WriteLine('{"type":"intent","at":"2026-01-01T00:00:00.000Z","clientTransferId":"' + $id + '","target":"' + (100000 + $index) + '","asset":"TRX","amount":"0.5"}')
                $writer.WriteLine('{"type":"outcome","at":"2026-01-01T00:00:00.000Z","clientTransferId":"' + $id + '","status":"Sent"}')
            }
            $writer.Dispose()
        }

        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $source = {
            foreach ($index in 1..$Rows) {
                # Sampled before row 20,000, 40,000, ...: every earlier row has gone through the sink.
                if ($index % 20000 -eq 0) { & $sample ($index - 1) }
                New-Row -Index $index
            }
        }

        switch ($Sink) {
            'Transfer' { & $source | New-XRocketTransfer -WhatIf -BatchId bench-memory }
            'MassTransfer' { & $source | New-XRocketMassTransfer -WhatIf -BatchId bench-memory }
            'Journal' { & $source | New-XRocketMassTransfer -Journal $journal -Confirm:$false | Out-Null; Remove-Item -LiteralPath $journal }
            'OutNull' { & $source | Out-Null }
        }

        $watch.Stop()
        $result = [ordered]@{
            Rows             = $Rows
            Sink             = $Sink
            Samples          = @($samples)
            PeakWorkingSet   = [System.Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64
            ElapsedMs        = $watch.Elapsed.TotalMilliseconds
        }
    }
}

$result | ConvertTo-Json -Depth 5 | Set-Content -LiteralPath $ResultFile -Encoding utf8

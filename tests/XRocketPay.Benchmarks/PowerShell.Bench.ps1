#Requires -Version 7.4
<#
.SYNOPSIS
The PowerShell rows of the performance table (issue 15), measured side by side in one run of real pwsh
against a local sandbox (the built XRocketPay.Sandbox, rate limit off).

.DESCRIPTION
Every timed row is a median of Runs runs (the heavy payout rows: of HeavyRuns runs), the module and its
baseline alternating within each run so both meet the same machine state. Request counts come from the
sandbox's request log (GET /sandbox/requests). Writes the rows as JSON to OutFile (the shape the C# rows
use); ./build.ps1 -Task Bench prints them in one table.

.EXAMPLE
dotnet pwsh tests/XRocketPay.Benchmarks/PowerShell.Bench.ps1 -OutFile out/bench/powershell.json
#>
[CmdletBinding()]
param(
    [string] $OutFile = (Join-Path $PSScriptRoot '../../out/bench/powershell.json'),
    [string] $ModuleManifest = (Join-Path $PSScriptRoot '../../out/XRocketPay/XRocketPay.psd1'),
    [ValidateSet('Debug', 'Release')] [string] $Configuration = 'Release',
    [ValidateRange(1, 50)] [int] $Runs = 9,
    [ValidateRange(1, 50)] [int] $HeavyRuns = 9,
    # Calls per timed run in the single-call rows.
    [ValidateRange(1, 10000)] [int] $Calls = 200,
    [int] $PayoutRows = 2000,
    [int] $WhatIfRows = 10000,
    [int] $MemoryRows = 100000
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
[System.Threading.Thread]::CurrentThread.CurrentCulture = [System.Globalization.CultureInfo]::InvariantCulture

$root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$ModuleManifest = (Resolve-Path $ModuleManifest).Path
$work = Split-Path -Parent ([System.IO.Path]::GetFullPath($OutFile))
$null = New-Item -ItemType Directory -Path $work -Force
$invariant = [cultureinfo]::InvariantCulture

function Write-Step([string] $Message) {
    Write-Information "  bench: $Message" -InformationAction Continue
}

function Get-Median([double[]] $Values) {
    $sorted = @($Values | Sort-Object)
    $middle = [int][Math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2) { $sorted[$middle] } else { ($sorted[$middle - 1] + $sorted[$middle]) / 2 }
}

function Format-Duration([double] $Milliseconds) {
    if ($Milliseconds -ge 1000) { ($Milliseconds / 1000).ToString('0.00', $invariant) + ' s' }
    elseif ($Milliseconds -ge 10) { $Milliseconds.ToString('0', $invariant) + ' ms' }
    else { $Milliseconds.ToString('0.00', $invariant) + ' ms' }
}

function Format-Ratio([double] $Ratio) { $Ratio.ToString('0.00', $invariant) + '×' }

# The ratio of the medians, and the lowest and highest ratio of single runs (run i of A over run i of B).
function Format-RatioRange([double[]] $Subject, [double[]] $Baseline) {
    $ratio = (Get-Median $Subject) / (Get-Median $Baseline)
    if ($Subject.Count -lt 2) { return Format-Ratio $ratio }
    $each = for ($i = 0; $i -lt $Subject.Count; $i++) { $Subject[$i] / $Baseline[$i] }
    $low = ($each | Measure-Object -Minimum).Minimum
    $high = ($each | Measure-Object -Maximum).Maximum
    "$(Format-Ratio $ratio) (runs $($low.ToString('0.00', $invariant))–$($high.ToString('0.00', $invariant)))"
}

function Format-MiB([double] $Bytes) {
    $sign = if ($Bytes -ge 0) { '+' } else { '−' }
    $sign + ([Math]::Abs($Bytes) / 1MB).ToString('0.0', $invariant) + ' MiB'
}

function New-Row {
    [Diagnostics.CodeAnalysis.SuppressMessageAttribute('PSUseShouldProcessForStateChangingFunctions', '', Justification = 'Builds a table row in memory; changes no state.')]
    param(
        [Parameter(Mandatory)] [string] $Measurement,
        [string] $Measured = '',
        [string] $Baseline = '',
        [string] $Ratio = '',
        [string] $Target = '',
        [object] $Met = $null,
        [string] $Requests = $null
    )

    [ordered]@{ Measurement = $Measurement; Measured = $Measured; Baseline = $Baseline; Ratio = $Ratio; Target = $Target; Met = $Met; Requests = $Requests }
}

# Runs each named block Runs times, alternating the order run by run; returns the medians (ms) by name
# and every run's time.
function Measure-SideBySide {
    param(
        [Parameter(Mandatory)] [System.Collections.Specialized.OrderedDictionary] $Blocks,
        [int] $Count = $Runs,
        [scriptblock] $BeforeEach = {}
    )

    $times = @{}
    $names = @($Blocks.Keys)
    foreach ($name in $names) { $times[$name] = [System.Collections.Generic.List[double]]::new() }
    for ($run = 0; $run -lt $Count; $run++) {
        $order = if ($run % 2) { $names[($names.Count - 1)..0] } else { $names }
        foreach ($name in $order) {
            & $BeforeEach
            [GC]::Collect()
            $watch = [System.Diagnostics.Stopwatch]::StartNew()
            $null = & $Blocks[$name]
            $watch.Stop()
            $times[$name].Add($watch.Elapsed.TotalMilliseconds)
        }
    }

    $medians = [ordered]@{}
    foreach ($name in $names) { $medians[$name] = Get-Median $times[$name] }
    [pscustomobject]@{ Median = $medians; Times = $times }
}

# A pwsh like this one, for child processes: pwsh itself, or dotnet + pwsh.dll under `dotnet pwsh`.
function Get-PwshCommand {
    $process = [Environment]::ProcessPath
    if ([System.IO.Path]::GetFileNameWithoutExtension($process) -eq 'pwsh') { return , @($process) }
    , @($process, (Join-Path $PSHOME 'pwsh.dll'))
}

function Invoke-Child {
    param([string[]] $Arguments, [string] $StdOut)
    $pwsh = Get-PwshCommand
    $all = @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive') + $Arguments
    & $pwsh[0] @all > $StdOut
    if ($LASTEXITCODE -ne 0) {
        throw "A benchmark child process failed (exit code $LASTEXITCODE); its output is in $StdOut."
    }
}

# ---------------------------------------------------------------------------------------------------
Import-Module (Join-Path $root 'tools/XRocketSandbox.psm1') -Force
Import-Module $ModuleManifest -Force
$sandbox = Start-XRocketSandbox -Configuration $Configuration -Confirm:$false
$rows = [System.Collections.Generic.List[object]]::new()
$http = $null
try {
    $base = $sandbox.BaseUri.TrimEnd('/')
    $admin = "$base/sandbox"
    $config = Invoke-RestMethod "$admin/config"
    if ($config.PSObject.Properties['rateLimitPerMinute'] -and $null -ne $config.rateLimitPerMinute) {
        $null = Invoke-RestMethod "$admin/config" -Method Put -ContentType 'application/json' -Body '{"rateLimitPerMinute":null}'
    }

    Write-Step "sandbox $base (rate limit off), module $ModuleManifest, $Runs runs (payout rows: $HeavyRuns)"
    $token = $sandbox.Token
    Connect-XRocket -BaseUri $base -ApiKey ([System.Net.NetworkCredential]::new('', $token).SecurePassword)

    $http = [System.Net.Http.HttpClient]::new()
    $http.BaseAddress = [uri]"$base/"
    $auth = [System.Net.Http.Headers.AuthenticationHeaderValue]::new('Bearer', $token)
    $headers = @{ Authorization = "Bearer $token" }

    function Clear-SandboxState { $null = Invoke-RestMethod "$admin/reset" -Method Post }
    function Clear-RequestLog { $null = Invoke-RestMethod "$admin/requests" -Method Delete }
    function Get-ApiRequest { @((Invoke-RestMethod "$admin/requests").items | Where-Object { $_.path -like '/api/*' }) }
    function Format-RequestSummary($Requests) {
        $groups = @($Requests | Group-Object { "$($_.method) $($_.path)" } | Sort-Object Name)
        if (-not $groups) { return '0' }
        "$(@($Requests).Count): " + (($groups | ForEach-Object { "$($_.Count) $($_.Name -replace '/api/v1/', '')" }) -join ', ')
    }

    function Invoke-Http([string] $Method, [string] $Path, [string] $Json) {
        $request = [System.Net.Http.HttpRequestMessage]::new([System.Net.Http.HttpMethod]::new($Method), $Path)
        $request.Headers.Authorization = $auth
        if ($Json) { $request.Content = [System.Net.Http.StringContent]::new($Json, [System.Text.Encoding]::UTF8, 'application/json') }
        $response = $http.SendAsync($request).GetAwaiter().GetResult()
        try {
            $null = $response.EnsureSuccessStatusCode()
            $response.Content.ReadAsStringAsync().GetAwaiter().GetResult() | ConvertFrom-Json
        }
        finally {
            $response.Dispose()
            $request.Dispose()
        }
    }

    # ---- single calls -----------------------------------------------------------------------------
    Write-Step "Get-XRocketBalance vs Invoke-RestMethod vs [HttpClient] + ConvertFrom-Json ($Calls calls a run)"
    $balanceBlocks = [ordered]@{
        Module        = { for ($i = 0; $i -lt $Calls; $i++) { $null = Get-XRocketBalance } }
        RestMethod    = { for ($i = 0; $i -lt $Calls; $i++) { $null = (Invoke-RestMethod "$base/api/v1/balances" -Headers $headers).balances } }
        HttpClient    = { for ($i = 0; $i -lt $Calls; $i++) { $null = (Invoke-Http -Method Get -Path 'api/v1/balances').balances } }
    }
    foreach ($block in $balanceBlocks.Values) { $null = & $block }   # warm-up, untimed
    $balance = Measure-SideBySide -Blocks $balanceBlocks
    $perCall = { param($name) $balance.Median[$name] / $Calls }
    $ratio = $balance.Median.Module / $balance.Median.RestMethod
    $rows.Add((New-Row -Measurement '`Get-XRocketBalance` vs `Invoke-RestMethod`' -Measured "$(Format-Duration (& $perCall Module))/call" -Baseline "$(Format-Duration (& $perCall RestMethod))/call" `
                -Ratio (Format-RatioRange $balance.Times.Module $balance.Times.RestMethod) -Target '≤ 0.50× (keep)' -Met ($ratio -le 0.5)))
    $ratio = $balance.Median.Module / $balance.Median.HttpClient
    $rows.Add((New-Row -Measurement '`Get-XRocketBalance` vs `[HttpClient]` + `ConvertFrom-Json` from PowerShell' -Measured "$(Format-Duration (& $perCall Module))/call" -Baseline "$(Format-Duration (& $perCall HttpClient))/call" `
                -Ratio (Format-RatioRange $balance.Times.Module $balance.Times.HttpClient) -Target '≤ 1.00×' -Met ($ratio -le 1.0)))

    # ---- -WhatIf, host output to a file (a child pwsh whose stdout is a file) ------------------------
    Write-Step "New-XRocketTransfer -WhatIf, $WhatIfRows rows, vs an advanced function (child pwsh, host output to a file)"
    $child = Join-Path $PSScriptRoot 'Pipeline.Child.ps1'
    $result = Join-Path $work 'whatif.json'
    Invoke-Child -StdOut (Join-Path $work 'whatif-host.txt') -Arguments @('-File', $child, '-Mode', 'WhatIfTime', '-ModuleManifest', $ModuleManifest, '-BaseUri', $base,
        '-ResultFile', $result, '-Rows', $WhatIfRows, '-Runs', $Runs)
    $whatIf = Get-Content -LiteralPath $result -Raw | ConvertFrom-Json
    $moduleMs = Get-Median $whatIf.ModuleMs
    $functionMs = Get-Median $whatIf.FunctionMs
    $ratio = $moduleMs / $functionMs
    $rate = ($WhatIfRows / ($moduleMs / 1000)).ToString('N0', $invariant)
    $rows.Add((New-Row -Measurement "``New-XRocketTransfer -WhatIf``, $($WhatIfRows.ToString('N0', $invariant)) rows, host output to a file, vs an advanced function doing the same binding and ShouldProcess" `
                -Measured "$(Format-Duration $moduleMs) ($rate rows/s)" -Baseline (Format-Duration $functionMs) -Ratio (Format-RatioRange $whatIf.ModuleMs $whatIf.FunctionMs) -Target '≤ 1.50× the function' -Met ($ratio -le 1.5)))

    # ---- payouts: module vs raw mass requests ----------------------------------------------------------
    $payout = foreach ($index in 1..$PayoutRows) { [pscustomobject]@{ user_id = [string](200000 + $index); amount = '0.01'; asset = 'TONCOIN' } }
    $rawMass = {
        # The module's default chunk (the API's limit), so both send the same requests.
        for ($start = 0; $start -lt $payout.Count; $start += 500) {
            $chunk = $payout[$start..([Math]::Min($start + 499, $payout.Count - 1))]
            $items = foreach ($row in $chunk) {
                @{ target = $row.user_id; targetType = 'telegram_user_id'; amount = $row.amount; clientTransferId = 'raw-' + [guid]::NewGuid().ToString('N') }
            }
            $body = @{ asset = 'TONCOIN'; transfers = @($items) } | ConvertTo-Json -Depth 4 -Compress
            (Invoke-Http -Method Post -Path 'api/v1/mass-transfers' -Json $body).successTransfers
        }
    }

    Write-Step "New-XRocketMassTransfer vs raw mass requests from PowerShell, $PayoutRows rows"
    $mass = Measure-SideBySide -Count $HeavyRuns -BeforeEach { Clear-SandboxState } -Blocks ([ordered]@{
            Module = { $payout | New-XRocketMassTransfer -Confirm:$false }
            Raw    = $rawMass
        })
    Clear-SandboxState; Clear-RequestLog
    $null = $payout | New-XRocketMassTransfer -Confirm:$false
    $moduleRequests = Get-ApiRequest
    Clear-SandboxState; Clear-RequestLog
    $null = & $rawMass
    $rawRequests = Get-ApiRequest
    $ratio = $mass.Median.Module / $mass.Median.Raw
    $rate = ($PayoutRows / ($mass.Median.Module / 1000)).ToString('N0', $invariant)
    $rows.Add((New-Row -Measurement "``New-XRocketMassTransfer`` vs raw mass requests (``[HttpClient]`` + ``ConvertTo-Json``/``ConvertFrom-Json``, 500-row chunks), $($PayoutRows.ToString('N0', $invariant)) rows" `
                -Measured "$(Format-Duration $mass.Median.Module) ($rate rows/s)" -Baseline (Format-Duration $mass.Median.Raw) -Ratio (Format-RatioRange $mass.Times.Module $mass.Times.Raw) -Target '≤ 1.20×' -Met ($ratio -le 1.2) `
                -Requests "module $(Format-RequestSummary $moduleRequests); raw $(Format-RequestSummary $rawRequests)"))

    # ---- re-runs with -BatchId ------------------------------------------------------------------------
    # Each run: fresh sandbox, the first run timed, then the same input and -BatchId again (all rows done).
    function Measure-ReRun {
        param([scriptblock] $Send, [int] $Count, [string] $Prefix, [switch] $Journal)
        $first = [System.Collections.Generic.List[double]]::new()
        $again = [System.Collections.Generic.List[double]]::new()
        $firstRequests = $null; $againRequests = $null
        for ($run = 0; $run -lt $Count; $run++) {
            Clear-SandboxState; Clear-RequestLog
            $batch = "$Prefix-$run"
            $journalFile = if ($Journal) { Join-Path $work "$batch.journal.jsonl" } else { $null }
            if ($journalFile) { Remove-Item -LiteralPath $journalFile -ErrorAction SilentlyContinue }
            [GC]::Collect()
            $watch = [System.Diagnostics.Stopwatch]::StartNew()
            $out = & $Send $batch $journalFile
            $watch.Stop()
            $first.Add($watch.Elapsed.TotalMilliseconds)
            $sent = @($out | Where-Object Outcome -EQ 'Sent').Count
            if ($sent -ne $PayoutRows) { throw "$Prefix first run: $sent of $PayoutRows rows Sent." }
            $firstRequests = Get-ApiRequest
            Clear-RequestLog
            [GC]::Collect()
            $watch = [System.Diagnostics.Stopwatch]::StartNew()
            $out = & $Send $batch $journalFile
            $watch.Stop()
            $again.Add($watch.Elapsed.TotalMilliseconds)
            $done = @($out | Where-Object Outcome -EQ 'AlreadyDone').Count
            if ($done -ne $PayoutRows) { throw "$Prefix re-run: $done of $PayoutRows rows AlreadyDone." }
            $againRequests = Get-ApiRequest
        }

        [pscustomobject]@{ First = (Get-Median $first); Again = (Get-Median $again); FirstRequests = $firstRequests; AgainRequests = $againRequests
            Ratio = (Format-RatioRange $again $first) }
    }

    Write-Step "mass -BatchId re-run of $PayoutRows done rows"
    $reRun = Measure-ReRun -Count $HeavyRuns -Prefix 'mass' -Send { param($batch) $payout | New-XRocketMassTransfer -BatchId $batch -Confirm:$false }
    $ratio = $reRun.Again / $reRun.First
    $rows.Add((New-Row -Measurement "mass ``-BatchId`` re-run of $($PayoutRows.ToString('N0', $invariant)) done rows (no journal), time vs the first run" `
                -Measured (Format-Duration $reRun.Again) -Baseline "first run $(Format-Duration $reRun.First)" -Ratio $reRun.Ratio `
                -Target 'look-ups concurrent (bounded); ≤ 1.50× the first run' -Met ($ratio -le 1.5) `
                -Requests "re-run $(Format-RequestSummary $reRun.AgainRequests); first run $(Format-RequestSummary $reRun.FirstRequests)"))

    $massCommand = Get-Command New-XRocketMassTransfer
    if ($massCommand.Parameters.ContainsKey('Journal')) {
        Write-Step "mass -BatchId -Journal re-run of $PayoutRows done rows"
        $journalRun = Measure-ReRun -Count $HeavyRuns -Prefix 'journal' -Journal -Send { param($batch, $journal) $payout | New-XRocketMassTransfer -BatchId $batch -Journal $journal -Confirm:$false }
        $reference = '^GET /api/v1/(currencies|balances|rates|app-info)'
        $perRow = @($journalRun.AgainRequests | Where-Object { "$($_.method) $($_.path)" -notmatch $reference })
        $rows.Add((New-Row -Measurement 'the same with a journal (payout-runs issue)' -Measured (Format-Duration $journalRun.Again) -Baseline "first run $(Format-Duration $journalRun.First)" `
                    -Ratio $journalRun.Ratio -Target 'no request per known row' -Met ($perRow.Count -eq 0) `
                    -Requests "re-run $(Format-RequestSummary $journalRun.AgainRequests) ($($perRow.Count) beyond reference reads)"))
    }
    else {
        $rows.Add((New-Row -Measurement 'the same with a journal (payout-runs issue)' -Measured 'not measured: `-Journal` does not exist yet (issue 13)' -Target 'no request per known row' -Met $null))
    }

    Write-Step "one-by-one -BatchId re-run of $PayoutRows done rows"
    $single = Measure-ReRun -Count $HeavyRuns -Prefix 'single' -Send { param($batch) $payout | New-XRocketTransfer -BatchId $batch -Confirm:$false }
    $ratio = $single.Again / $single.First
    $rate = ($PayoutRows / ($single.First / 1000)).ToString('N0', $invariant)
    $rows.Add((New-Row -Measurement "one-by-one ``-BatchId`` re-run (``New-XRocketTransfer``) of $($PayoutRows.ToString('N0', $invariant)) done rows, time vs the first run" `
                -Measured (Format-Duration $single.Again) -Baseline "first run $(Format-Duration $single.First) ($rate rows/s)" -Ratio $single.Ratio -Target '≤ 1.20×' -Met ($ratio -le 1.2) `
                -Requests "re-run $(Format-RequestSummary $single.AgainRequests); first run $(Format-RequestSummary $single.FirstRequests)"))

    # ---- requests (issue 24): counted from the log, and wall time at the live limit -----------------------
    . (Join-Path $PSScriptRoot 'Requests.Bench.ps1')
    Add-RequestRow -Payout $payout
    Add-RateLimitedRow -Payout $payout

    # ---- outages (issue 19): a short outage during a run leaves nothing Unknown ----------------------------
    . (Join-Path $PSScriptRoot 'Outage.Bench.ps1')
    Add-OutageRow -Command New-XRocketMassTransfer -RowCount 3000 -EveryMs 150 -ForSec 9
    Add-OutageRow -Command New-XRocketTransfer -RowCount 1000 -EveryMs 100 -ForSec 30

    # ---- memory: 100,000 rows, each sink in a fresh child pwsh ------------------------------------------
    $memory = [ordered]@{}
    $sinks = @('OutNull', 'Transfer', 'MassTransfer') + @(if ((Get-Command New-XRocketMassTransfer).Parameters.ContainsKey('Journal')) { 'Journal' })
    foreach ($sink in $sinks) {
        Write-Step "peak memory, $MemoryRows rows into $sink (child pwsh)"
        $result = Join-Path $work "memory-$sink.json"
        Invoke-Child -StdOut (Join-Path $work "memory-$sink-host.txt") -Arguments @('-File', $child, '-Mode', 'Memory', '-ModuleManifest', $ModuleManifest, '-BaseUri', $base,
            '-ResultFile', $result, '-Rows', $MemoryRows, '-Sink', $sink)
        $memory[$sink] = Get-Content -LiteralPath $result -Raw | ConvertFrom-Json
    }

    function Get-Growth($Measured) {
        $samples = @($Measured.Samples)
        [pscustomobject]@{
            Heap    = [double]$samples[-1].HeapBytes - [double]$samples[0].HeapBytes
            Working = [double]$samples[-1].WorkingSet - [double]$samples[0].WorkingSet
            Rows    = [int]$samples[-1].Rows - [int]$samples[0].Rows
            Peak    = [double]$Measured.PeakWorkingSet
            Ms      = [double]$Measured.ElapsedMs
        }
    }

    $baseline = Get-Growth $memory.OutNull
    foreach ($sink in 'Transfer', 'MassTransfer') {
        $growth = Get-Growth $memory[$sink]
        $name = if ($sink -eq 'Transfer') { 'New-XRocketTransfer' } else { 'New-XRocketMassTransfer' }
        $extra = $growth.Heap - $baseline.Heap
        $perRow = ($extra / $growth.Rows).ToString('0', $invariant)
        $rate = ($MemoryRows / ($growth.Ms / 1000)).ToString('N0', $invariant)
        $rows.Add((New-Row -Measurement "peak memory, $($MemoryRows.ToString('N0', $invariant)) rows ``$name -WhatIf -BatchId`` vs ``Out-Null`` (managed heap after a full GC, growth from row 20,000 to $($MemoryRows.ToString('N0', $invariant)))" `
                    -Measured "heap $(Format-MiB $growth.Heap), working set $(Format-MiB $growth.Working), peak WS $((($growth.Peak) / 1MB).ToString('0', $invariant)) MiB; $rate rows/s" `
                    -Baseline "heap $(Format-MiB $baseline.Heap), working set $(Format-MiB $baseline.Working), peak WS $((($baseline.Peak) / 1MB).ToString('0', $invariant)) MiB" `
                    -Ratio "$(Format-MiB $extra) (~$perRow B/row)" -Target 'flat: ≤ +5 MiB between 20k and 100k rows' -Met ($extra -le 5MB)))
    }

    if ($memory.Contains('Journal')) {
        $growth = Get-Growth $memory.Journal
        $extra = $growth.Heap - $baseline.Heap
        $perRow = ($extra / $growth.Rows).ToString('0', $invariant)
        $rate = ($MemoryRows / ($growth.Ms / 1000)).ToString('N0', $invariant)
        $rows.Add((New-Row -Measurement "re-run of $($MemoryRows.ToString('N0', $invariant)) rows with a journal that knows them all (``New-XRocketMassTransfer -Journal``, preflight on): rows/s and memory (heap growth from row 20,000)" `
                    -Measured "$rate rows/s; heap $(Format-MiB $growth.Heap), peak WS $((($growth.Peak) / 1MB).ToString('0', $invariant)) MiB" `
                    -Baseline "heap $(Format-MiB $baseline.Heap) (``Out-Null``)" `
                    -Ratio "$(Format-MiB $extra) (~$perRow B/row)" -Target 'flat: ≤ +5 MiB between 20k and 100k rows; no request per row' -Met ($extra -le 5MB)))
    }

    # ---- Import-Module added to pwsh start ----------------------------------------------------------------
    Write-Step 'Import-Module added to pwsh start (child pwsh processes)'
    $pwsh = Get-PwshCommand
    $prefix = @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-Command')
    $startBlocks = [ordered]@{
        Bare   = { & $pwsh[0] @prefix 'exit 0' }
        Import = { & $pwsh[0] @prefix "Import-Module '$ModuleManifest'; exit 0" }
    }
    foreach ($block in $startBlocks.Values) { $null = & $block }   # warm the disk cache, untimed
    $startup = Measure-SideBySide -Blocks $startBlocks -Count ([Math]::Max($Runs, 15))
    $added = $startup.Median.Import - $startup.Median.Bare
    $each = for ($i = 0; $i -lt $startup.Times.Bare.Count; $i++) { $startup.Times.Import[$i] - $startup.Times.Bare[$i] }
    $spread = "runs $(($each | Measure-Object -Minimum).Minimum.ToString('+0;-0', $invariant)) to $(($each | Measure-Object -Maximum).Maximum.ToString('+0;-0', $invariant)) ms"
    $rows.Add((New-Row -Measurement '`Import-Module` added to pwsh start' -Measured "$($added.ToString('+0;-0', $invariant)) ms ($spread)" `
                -Baseline "pwsh start $(Format-Duration $startup.Median.Bare), with import $(Format-Duration $startup.Median.Import)" -Ratio (Format-Ratio ($startup.Median.Import / $startup.Median.Bare)) -Target '≤ 60 ms' -Met ($added -le 60)))
}
finally {
    Disconnect-XRocket -ErrorAction SilentlyContinue
    if ($http) { $http.Dispose() }
    Stop-XRocketSandbox -Sandbox $sandbox -Confirm:$false
}

ConvertTo-Json -InputObject @($rows) -Depth 3 | Set-Content -LiteralPath $OutFile -Encoding utf8
Write-Step "PowerShell rows written to $OutFile"

# Issue 14 deliverable 2: the token (a canary) is in none of the places a user or a log can see, across every
# cmdlet and every error path the sandbox can produce, including a hostile server that echoes the Authorization
# header into every money field.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Open-TestSandbox
    $script:Work = Join-Path ([System.IO.Path]::GetTempPath()) ("xrp-canary-" + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $script:Work
}

AfterAll {
    Disconnect-XRocket -ErrorAction SilentlyContinue
    Close-TestSandbox
    Remove-Item -Recurse -Force $script:Work -ErrorAction SilentlyContinue
}

Describe 'The canary token leaks nowhere (issue 14 item 2)' {
    It 'is in no stream, $Error view, exception text, Clixml, transcript or HTTP trace' {
        $ErrorActionPreference = 'Continue'
        $ConfirmPreference = 'None'
        $transcript = Join-Path $script:Work 'transcript.txt'
        $null = Start-Transcript -Path $transcript
        $Error.Clear()
        $VerbosePreference = 'Continue'
        $DebugPreference = 'Continue'
        $InformationPreference = 'Continue'
        $key = [System.Net.NetworkCredential]::new('', $script:CanaryToken).SecurePassword
        $other = 'http://' + (([uri]$script:BaseUri).Authority -replace '^127\.0\.0\.1', '127.0.0.2')
        $calls = @(
            { Get-XRocketApp }, { Get-XRocketBalance }, { Get-XRocketCurrency }, { Get-XRocketRate -Asset BTC }
            { Get-XRocketWithdrawalQuota -Network TON -Asset TONCOIN }
            { New-XRocketTransfer -TelegramUserId 4242 -Amount 1 -Asset TONCOIN -ClientTransferId canary-t }
            { [pscustomobject]@{ TelegramUserId = 4242; Amount = '1'; Asset = 'USDT' } | New-XRocketMassTransfer }
            { New-XRocketCheque -Asset USDT -Amount 1 -Password $key -ClientChequeId canary-c }
            { New-XRocketInvoice -Currency USDT -Amount 1 -ClientInvoiceId canary-i }
            { Invoke-XRocketWithdrawal -Network TON -Address $script:TonAddress -Asset TONCOIN -Amount 1 -ClientWithdrawalId canary-w }
            { New-XRocketWithdrawalLink -Network TON -Address $script:TonAddress -Asset TONCOIN -Amount 1 }
            { Get-XRocketTransfer; Get-XRocketCheque; Get-XRocketInvoice; Get-XRocketWithdrawal }
            { Get-XRocketCheque -ClientChequeId canary-c | Set-XRocketCheque -Description x }
            { Get-XRocketInvoice -ClientInvoiceId canary-i | Get-XRocketInvoicePayment }
            { New-XRocketInvoicePaymentAddress -ClientInvoiceId canary-i -Network TON }
            { Invoke-XRocketInvoicePayment -ClientInvoiceId canary-i }
            { Wait-XRocketInvoice -ClientInvoiceId canary-i -TimeoutSec 60 -PollIntervalSec 1 }
            { Wait-XRocketWithdrawal -ClientWithdrawalId canary-w -TimeoutSec 60 -PollIntervalSec 1 }
            { Get-XRocketCheque -ClientChequeId canary-c | Remove-XRocketCheque }
            { Remove-XRocketInvoice -ClientInvoiceId canary-i }
            { Get-XRocketTransfer -Id 999999 ; Get-XRocketCheque -Id 999999; Get-XRocketInvoice -Id 999999; Get-XRocketWithdrawal -Id 999999 }
            { New-XRocketTransfer -TelegramUserId 4242 -Amount 999999 -Asset TONCOIN }
            { New-XRocketTransfer -TelegramUserId 4242 -Amount 2 -Asset TONCOIN -ClientTransferId canary-t }
            { New-XRocketTransfer -TelegramUserId 404404404 -Amount 1 -Asset TONCOIN }
            { Invoke-XRocketWithdrawal -Network TON -Address 'bad' -Asset TONCOIN -Amount 1 }
            { ConvertFrom-XRocketWebhook -Body 'not json' }
            { Test-XRocketWebhookSignature -Body '{}' -Headers @{} -Secret $key }
            { Receive-XRocketWebhook -Prefix "http://127.0.0.1:$(Get-FreeTcpPort)/" -Secret $key -Count 1 -TimeoutSec 1 }
            { Get-XRocketConnection }
        )
        $faulted = @(
            @{ path = $script:Family.Many; run = { New-XRocketTransfer -TelegramUserId 4242 -Amount 1 -Asset TONCOIN } }
            @{ path = $script:Family.Mass; run = { [pscustomobject]@{ TelegramUserId = 4242; Amount = '1'; Asset = 'USDT' } | New-XRocketMassTransfer } }
            @{ path = '/api/v1/cheques'; run = { New-XRocketCheque -Asset USDT -Amount 1 } }
            @{ path = '/api/v1/invoices'; run = { New-XRocketInvoice -Currency USDT -Amount 1 } }
            @{ path = '/api/v1/withdrawals'; run = { Invoke-XRocketWithdrawal -Network TON -Address $script:TonAddress -Asset TONCOIN -Amount 1 } }
            @{ path = '/api/v1/withdrawal-link'; run = { New-XRocketWithdrawalLink -Network TON -Address $script:TonAddress -Asset TONCOIN -Amount 1 } }
            @{ path = '/api/v1/balances'; run = { Get-XRocketBalance } }
            @{ path = '/api/v1/app-info'; run = { Get-XRocketApp } }
            @{ path = '/api/v1/withdrawal-quotas'; run = { Get-XRocketWithdrawalQuota -Network TON -Asset TONCOIN } }
        )
        $modes = @(
            @{ mode = 'echo' }, @{ mode = 'malformed' }, @{ mode = 'drop' }, @{ mode = 'status'; status = 500 }, @{ mode = 'status'; status = 401 }
            @{ mode = 'status'; status = 404 }, @{ mode = 'status'; status = 429 }, @{ mode = 'redirect'; location = $other }
            @{ mode = 'after-commit'; status = 500 }, @{ mode = 'delay'; delayMs = $script:TimeoutDelayMs }
        )

        $records = & {
            Connect-XRocket -BaseUri $script:BaseUri -ApiKey $key -MaxRetries 0 -TimeoutSec $script:ShortTimeoutSec -PassThru
            foreach ($call in $calls) { & $call }
            foreach ($f in $faulted) {
                foreach ($m in $modes) {
                    $fault = $m.Clone(); $fault.path = $f.path; $fault.count = 1
                    Add-SandboxFault $fault
                    & $f.run
                    $script:SandboxAdmin.ClearFaults()
                }
            }
            Write-Information 'done'
        } *>&1
        Stop-Transcript | Out-Null
        $VerbosePreference = 'SilentlyContinue'
        $DebugPreference = 'SilentlyContinue'

        # The run really exercised the token and the echoing server.
        $script:SandboxAdmin.Requests().Count | Should -BeGreaterThan 100
        @($records | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }).Count | Should -BeGreaterThan 0
        @($records | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }).Count | Should -BeGreaterThan 50

        $clixmlErrors = Join-Path $script:Work 'errors.clixml'
        $clixmlConnection = Join-Path $script:Work 'connection.clixml'
        $Error | Export-Clixml -Path $clixmlErrors -Depth 5
        Get-XRocketConnection | Export-Clixml -Path $clixmlConnection -Depth 5
        $places = [ordered]@{
            'all six streams'               = ($records | Out-String -Width 4096) + ($records | ForEach-Object { $_ | Format-List * -Force | Out-String -Width 4096 })
            '$Error | Format-List * -Force' = $Error | Format-List * -Force | Out-String -Width 4096
            'Exception.ToString()'          = ($Error | ForEach-Object { if ($_ -is [System.Management.Automation.ErrorRecord]) { $_.Exception.ToString() } else { $_.ToString() } }) -join "`n"
            'Export-Clixml of errors'       = Get-Content -Raw $clixmlErrors
            'Export-Clixml of a connection' = Get-Content -Raw $clixmlConnection
            'transcript'                    = Get-Content -Raw $transcript
            'HTTP trace (verbose, debug)'   = ($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -or $_ -is [System.Management.Automation.DebugRecord] } | ForEach-Object Message) -join "`n"
        }
        foreach ($place in $places.Keys) {
            $places[$place] | Should -Not -BeNullOrEmpty -Because "$place was captured"
            $places[$place] | Should -Not -BeLike "*$script:CanaryToken*" -Because "the token must not be in $place"
        }
        Write-Host ("Canary: searched {0} places over {1} records and {2} errors; found in none" -f $places.Count, @($records).Count, $Error.Count)
    }
}

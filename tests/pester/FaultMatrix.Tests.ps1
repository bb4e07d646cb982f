# Issue 14 deliverable 4: every money-moving operation × every fault the sandbox can inject. Each fault hits
# every attempt (-MaxRetries 1: two attempts), so retries run out. Then the same call is re-run with the same
# client id, as the Unknown message says. Asserted: exactly one effect in the ledger in the end, the outcome
# reported first (Sent, AlreadyDone, Unknown, Failed), never Failed when the ledger moved, and the Unknown message.
BeforeDiscovery {
    $script:Operations = @('Transfer', 'MassTransfer', 'Cheque', 'Withdrawal', 'Invoice')
    $script:Faults = @(
        @{ Name = '500'; Fault = @{ mode = 'status'; status = 500 } }
        @{ Name = '502'; Fault = @{ mode = 'status'; status = 502 } }
        @{ Name = '503'; Fault = @{ mode = 'status'; status = 503 } }
        @{ Name = '429+RetryAfter'; Fault = @{ mode = 'status'; status = 429; retryAfterSeconds = 1 } }
        @{ Name = '429'; Fault = @{ mode = 'status'; status = 429 } }
        @{ Name = 'timeout'; Fault = @{ mode = 'delay' } }
        @{ Name = 'drop'; Fault = @{ mode = 'drop' } }
        @{ Name = 'malformed'; Fault = @{ mode = 'malformed' } }
        @{ Name = 'after-commit'; Fault = @{ mode = 'after-commit'; status = 500 } }
        @{ Name = 'after-commit-drop'; Fault = @{ mode = 'after-commit'; status = 0 } }
        @{ Name = 'redirect'; Fault = @{ mode = 'redirect'; status = 307 } }
        @{ Name = 'echo'; Fault = @{ mode = 'echo' } }
    )
    $script:Cases = foreach ($op in $script:Operations) { foreach ($f in $script:Faults) { @{ Operation = $op; FaultName = $f.Name; Fault = $f.Fault } } }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Open-TestSandbox
    $key = [System.Net.NetworkCredential]::new('', $script:CanaryToken).SecurePassword
    Connect-XRocket -BaseUri $script:BaseUri -ApiKey $key -MaxRetries 1 -TimeoutSec $script:ShortTimeoutSec
    $script:ConfirmPreference = 'None'
    $script:Matrix = [ordered]@{}
    $other = ([uri]$script:BaseUri).Authority -replace '^127\.0\.0\.1', '127.0.0.2'
    $script:Redirect = "http://$other"

    $script:Ops = @{
        Transfer     = @{ Path = $script:Family.Many; Run = { param($id) New-XRocketTransfer -TelegramUserId 4242 -Amount 1 -Asset TONCOIN -ClientTransferId $id }; Effects = { @(Get-XRocketTransfer).Count; 10000 - (Get-SandboxBalance -Asset TONCOIN) } }
        MassTransfer = @{ Path = $script:Family.Mass; Run = { param($id) @([pscustomobject]@{ TelegramUserId = 4242; Amount = '1'; Asset = 'USDT'; ClientTransferId = "$id-a" }, [pscustomobject]@{ TelegramUserId = 4343; Amount = '1'; Asset = 'USDT'; ClientTransferId = "$id-b" }) | New-XRocketMassTransfer }; Effects = { @(Get-XRocketTransfer).Count / 2; (10000 - (Get-SandboxBalance -Asset USDT)) / 2 } }
        Cheque       = @{ Path = '/api/v1/cheques'; Run = { param($id) New-XRocketCheque -Asset BTC -Amount 0.5 -ClientChequeId $id }; Effects = { @(Get-XRocketCheque).Count; $script:SandboxAdmin.Holds('BTC') / 0.5 } }
        Withdrawal   = @{ Path = '/api/v1/withdrawals'; Run = { param($id) Invoke-XRocketWithdrawal -Network TON -Address $script:TonAddress -Asset TONCOIN -Amount 1 -ClientWithdrawalId $id }; Effects = { @(Get-XRocketWithdrawal).Count; [math]::Round((10000 - (Get-SandboxBalance -Asset TONCOIN)) / 1.05, 6) } }
        Invoice      = @{ Path = '/api/v1/invoices'; Run = { param($id) New-XRocketInvoice -Currency USDT -Amount 1 -ClientInvoiceId $id }; Effects = { @(Get-XRocketInvoice).Count; @(Get-XRocketInvoice).Count } }
    }

    # What the cmdlet reported: the rows' Outcome, else the error's outcome, else Sent (AlreadyDone with its warning).
    function Get-Outcome($all) {
        $rows = @($all | Where-Object { $_.PSObject.Properties['Outcome'] -and $_.Outcome -is [XRocketPay.Client.XRocketOutcome] })
        if ($rows) { return (@($rows.Outcome | ForEach-Object { "$_" } | Sort-Object -Unique) -join '/') }
        $errors = @($all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        if ($errors) { return $(if ($errors[0].Exception -is [XRocketPay.Client.XRocketException]) { "$($errors[0].Exception.Outcome)" } else { 'Failed' }) }
        if (@($all | Where-Object { $_ -is [System.Management.Automation.WarningRecord] -and $_.Message -like '*already existed*' })) { return 'AlreadyDone' }
        'Sent'
    }
}

AfterAll {
    $faults = @($script:Matrix.Values | ForEach-Object { $_.Keys } | Select-Object -Unique)
    $lines = @(('{0,-13}' -f 'operation') + (($faults | ForEach-Object { '{0,-27}' -f $_ }) -join ''))
    foreach ($op in $script:Matrix.Keys) {
        $lines += ('{0,-13}' -f $op) + (($faults | ForEach-Object { '{0,-27}' -f $script:Matrix[$op][$_] }) -join '')
    }
    $cells = @($script:Matrix.Values | ForEach-Object { $_.Values })
    Write-Host "Fault matrix (first outcome → re-run with the same client id; ledger effects in the end):"
    $lines | ForEach-Object { Write-Host $_ }
    Write-Host ("{0} cases, {1} with exactly one effect, {2} paid rows reported Failed" -f $cells.Count, @($cells | Where-Object { $_ -like '*=1' }).Count, @($cells | Where-Object { $_ -like 'Failed*' -and $_ -like '*paid*' }).Count)
    Disconnect-XRocket -ErrorAction SilentlyContinue
    Close-TestSandbox
}

Describe 'The fault matrix (issue 14)' {
    It '<Operation> × <FaultName>: one effect, the outcome said, never Failed when paid' -ForEach $script:Cases {
        $ErrorActionPreference = 'Continue'
        Clear-SandboxState
        $op = $script:Ops[$Operation]
        $fault = $Fault.Clone()
        $fault.path = $op.Path
        $fault.method = 'POST'
        $fault.count = 2
        if ($fault.mode -eq 'redirect') { $fault.location = $script:Redirect }
        if ($fault.mode -eq 'delay') { $fault.delayMs = $script:TimeoutDelayMs }
        Add-SandboxFault $fault
        $id = "fm-$Operation-$FaultName".ToLowerInvariant()

        $first = & $op.Run $id 2>&1 3>&1
        $outcome = Get-Outcome $first
        if ($fault.mode -eq 'delay') { Start-Sleep -Milliseconds ($script:TimeoutDelayMs + 1000) }
        $script:SandboxAdmin.ClearFaults()
        $objects, $ledger = & $op.Effects
        $paid = $ledger -gt 0

        # Never Failed when the ledger moved; Sent only when it did; Unknown says how to reconcile.
        if ($paid) { $outcome | Should -Not -BeLike '*Failed*' }
        if ($outcome -eq 'Sent') { $paid | Should -BeTrue }
        if ($outcome -like '*Unknown*') {
            $message = @($first | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })[0].Exception.Message
            $message | Should -BeLike "*may have been paid; re-run with the same client id ($id*) to reconcile, never with a new one*"
        }

        if ($fault.mode -eq 'redirect') {
            # Never followed: an error naming the other host, nothing sent there, nothing paid.
            $outcome | Should -Be 'Failed'
            @($first | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })[0].FullyQualifiedErrorId | Should -BeLike 'RedirectRefused,*'
        }

        $again = & $op.Run $id 2>&1 3>&1
        $rerun = Get-Outcome $again
        $objects, $ledger = & $op.Effects
        $script:Matrix[$Operation] = if ($script:Matrix.Contains($Operation)) { $script:Matrix[$Operation] } else { [ordered]@{} }
        $script:Matrix[$Operation][$FaultName] = "$outcome$(if ($paid) { '(paid)' })→$rerun =$ledger"
        $rerun | Should -BeIn @('AlreadyDone', 'Sent')
        $objects | Should -Be 1
        $ledger | Should -Be 1
    }
}

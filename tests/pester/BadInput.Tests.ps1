# Issue 14 deliverable 3: the bad-input corpus. Every row is one bad input to one cmdlet; each must give a clear
# ErrorRecord (stable ErrorId, category, TargetObject = the input row), send nothing that changes state (cached
# reference reads such as the currencies list are allowed), and leave the rest of the pipeline running: every
# input is given twice in one pipeline, and both must come back as errors.
BeforeDiscovery {
    $long = { param($n) 'A' * $n }
    function Merge($a, $b) { $c = $a.Clone(); foreach ($k in $b.Keys) { $c[$k] = $b[$k] }; $c }
    $user = { param($h) [pscustomobject](Merge @{ TelegramUserId = '4242'; Amount = '1'; Asset = 'USDT' } $h) }
    $cases = [System.Collections.Generic.List[hashtable]]::new()
    function Add-Case($Cmdlet, $Name, $Params, $ErrorId, $Category = 'InvalidArgument', [switch] $Pipe, [switch] $Terminating) {
        $cases.Add(@{ Cmdlet = $Cmdlet; Name = $Name; Params = $Params; ErrorId = $ErrorId; Category = $Category; Pipe = [bool]$Pipe; Terminating = [bool]$Terminating })
    }

    # Payout rows (New-XRocketTransfer and New-XRocketMassTransfer), piped as CSV-like rows.
    $payoutRows = @(
        ,@('user empty', @{ TelegramUserId = '' }, 'MissingParameter')
        ,@('user blank', @{ TelegramUserId = ' ' }, 'MissingParameter')
        ,@('user abc', @{ TelegramUserId = 'abc' }, 'InvalidParameter')
        ,@('user -5', @{ TelegramUserId = '-5' }, 'InvalidParameter')
        ,@('user 00042', @{ TelegramUserId = '00042' }, 'InvalidParameter')
        ,@('user 1.5', @{ TelegramUserId = '1.5' }, 'InvalidParameter')
        ,@('user 0', @{ TelegramUserId = '0' }, 'InvalidParameter')
        ,@('user too big', @{ TelegramUserId = '99999999999999999999' }, 'InvalidParameter')
        ,@('amount empty', @{ Amount = '' }, 'MissingParameter')
        ,@('amount blank', @{ Amount = ' ' }, 'MissingParameter')
        ,@('amount 1,5', @{ Amount = '1,5' }, 'InvalidAmount')
        ,@('amount 1e3', @{ Amount = '1e3' }, 'InvalidAmount')
        ,@('amount -1', @{ Amount = '-1' }, 'InvalidAmount')
        ,@('amount 0', @{ Amount = '0' }, 'InvalidAmount')
        ,@('amount rounded', @{ Amount = '99999999999999999999.999999999' }, 'InvalidAmount')
        ,@('amount 10 decimals', @{ Amount = '1.0000000001' }, 'InvalidAmount')
        ,@('amount text', @{ Amount = 'ten' }, 'InvalidAmount')
        ,@('asset empty', @{ Asset = '' }, 'MissingParameter')
        ,@('asset ton coin', @{ Asset = 'ton coin' }, 'UnknownAsset')
        ,@('asset 300 chars', @{ Asset = (& $long 300) }, 'UnknownAsset')
        ,@('asset USD (fiat)', @{ Asset = 'USD' }, 'UnknownAsset')
        ,@('asset typo', @{ Asset = 'TONCION' }, 'UnknownAsset')
        ,@('client id blank', @{ ClientTransferId = ' ' }, 'InvalidParameter')
        ,@('client id 51', @{ ClientTransferId = (& $long 51) }, 'InvalidParameter')
        ,@('callback not a url', @{ CallbackUrl = 'not a url' }, 'InvalidParameter')
        ,@('callback ftp', @{ CallbackUrl = 'ftp://example.com/x' }, 'InvalidParameter')
        ,@('callback 501', @{ CallbackUrl = 'https://example.com/' + (& $long 481) }, 'InvalidParameter')
        ,@('two user columns', @{ user_id = '600200' }, 'ConflictingColumns')
        ,@('two asset columns', @{ Currency = 'TONCOIN' }, 'ConflictingColumns')
        ,@('two description columns', @{ Description = 'a'; Comment = 'b' }, 'ConflictingColumns')
    )
    foreach ($cmdlet in 'New-XRocketTransfer', 'New-XRocketMassTransfer') {
        foreach ($row in $payoutRows) {
            Add-Case -Cmdlet $cmdlet -Name $row[0] -Params (& $user $row[1]) -ErrorId $row[2] -Pipe
        }
    }

    $cheque = @{ Asset = 'USDT'; Amount = '1' }
    foreach ($c in @(
            ,@('asset ton coin', @{ Asset = 'ton coin' }, 'UnknownAsset')
            ,@('asset USD', @{ Asset = 'USD' }, 'UnknownAsset')
            ,@('asset 300', @{ Asset = (& $long 300) }, 'UnknownAsset')
            ,@('asset empty', @{ Asset = '' }, 'MissingParameter')
            ,@('amount empty', @{ Amount = '' }, 'MissingParameter')
            ,@('amount blank', @{ Amount = ' ' }, 'MissingParameter')
            ,@('amount 1,5', @{ Amount = '1,5' }, 'InvalidAmount')
            ,@('amount 0', @{ Amount = '0' }, 'InvalidAmount')
            ,@('description 1001', @{ Description = (& $long 1001) }, 'InvalidParameter')
            ,@('recipient abc', @{ TelegramUserId = 'abc' }, 'InvalidParameter')
            ,@('recipient -5', @{ TelegramUserId = '-5' }, 'InvalidParameter')
            ,@('recipient 00042', @{ TelegramUserId = '00042' }, 'InvalidParameter')
            ,@('client id blank', @{ ClientChequeId = ' ' }, 'InvalidParameter')
            ,@('client id 200', @{ ClientChequeId = (& $long 200) }, 'InvalidParameter')
        )) { Add-Case -Cmdlet 'New-XRocketCheque' -Name $c[0] -Params (Merge $cheque $c[1]) -ErrorId $c[2] -Pipe }
    Add-Case -Cmdlet 'New-XRocketCheque' -Name 'callback not a url' -Params (Merge $cheque @{ CallbackUrl = 'not a url' }) -ErrorId 'InvalidParameter'

    $invoice = @{ Currency = 'USDT'; Amount = '1' }
    foreach ($c in @(
            ,@('amount empty', @{ Amount = '' }, 'MissingParameter')
            ,@('amount blank', @{ Amount = ' ' }, 'MissingParameter')
            ,@('amount 1,5', @{ Amount = '1,5' }, 'InvalidAmount')
            ,@('min payment text', @{ MinPayment = 'x' }, 'InvalidAmount')
            ,@('currency ton coin', @{ Currency = 'ton coin' }, 'UnknownAsset')
            ,@('currency empty', @{ Currency = '' }, 'MissingParameter')
            ,@('currency XYZ', @{ Currency = 'XYZ' }, 'UnknownAsset')
            ,@('pay currency empty', @{ PayCurrency = @('') }, 'MissingParameter')
            ,@('pay currency XYZ', @{ PayCurrency = @('XYZ') }, 'UnknownAsset')
            ,@('pay currency USD', @{ PayCurrency = @('USD') }, 'UnknownAsset')
            ,@('description 1001', @{ Description = (& $long 1001) }, 'InvalidParameter')
            ,@('callback not a url', @{ CallbackUrl = 'not a url' }, 'InvalidParameter')
            ,@('success url javascript', @{ SuccessUrl = 'javascript:alert(1)' }, 'InvalidParameter')
            ,@('cancel url relative', @{ CancelUrl = '/cancel' }, 'InvalidParameter')
            ,@('client id blank', @{ ClientInvoiceId = ' ' }, 'InvalidParameter')
            ,@('client id 101', @{ ClientInvoiceId = (& $long 101) }, 'InvalidParameter')
        )) { Add-Case -Cmdlet 'New-XRocketInvoice' -Name $c[0] -Params (Merge $invoice $c[1]) -ErrorId $c[2] }

    $withdrawal = @{ Network = 'TON'; Address = '0:ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12'; Asset = 'TONCOIN'; Amount = '1' }
    foreach ($c in @(
            ,@('network MARS', @{ Network = 'MARS' }, 'UnknownNetwork')
            ,@('network empty', @{ Network = '' }, 'MissingParameter')
            ,@('address blank', @{ Address = ' ' }, 'MissingParameter')
            ,@('address empty', @{ Address = '' }, 'MissingParameter')
            ,@('asset ton coin', @{ Asset = 'ton coin' }, 'UnknownAsset')
            ,@('asset USD', @{ Asset = 'USD' }, 'UnknownAsset')
            ,@('asset empty', @{ Asset = '' }, 'MissingParameter')
            ,@('amount empty', @{ Amount = '' }, 'MissingParameter')
            ,@('amount 1,5', @{ Amount = '1,5' }, 'InvalidAmount')
            ,@('amount -1', @{ Amount = '-1' }, 'InvalidAmount')
            ,@('comment 51', @{ Comment = (& $long 51) }, 'InvalidParameter')
            ,@('client id blank', @{ ClientWithdrawalId = ' ' }, 'InvalidParameter')
            ,@('client id 51', @{ ClientWithdrawalId = (& $long 51) }, 'InvalidParameter')
        )) { Add-Case -Cmdlet 'Invoke-XRocketWithdrawal' -Name $c[0] -Params (Merge $withdrawal $c[1]) -ErrorId $c[2] -Pipe }
    Add-Case -Cmdlet 'Invoke-XRocketWithdrawal' -Name 'callback not a url' -Params (Merge $withdrawal @{ CallbackUrl = 'not a url' }) -ErrorId 'InvalidParameter'

    foreach ($c in @(
            ,@('network MARS', @{ Network = 'MARS' }, 'UnknownNetwork')
            ,@('address blank', @{ Address = ' ' }, 'MissingParameter')
            ,@('asset XYZ', @{ Asset = 'XYZ' }, 'UnknownAsset')
            ,@('amount empty', @{ Amount = '' }, 'MissingParameter')
            ,@('comment 51', @{ Comment = (& $long 51) }, 'InvalidParameter')
        )) { Add-Case -Cmdlet 'New-XRocketWithdrawalLink' -Name $c[0] -Params (Merge $withdrawal $c[1]) -ErrorId $c[2] -Pipe }

    Add-Case -Cmdlet 'Get-XRocketWithdrawalQuota' -Name 'network MARS' -Params @{ Network = 'MARS'; Asset = 'TONCOIN' } -ErrorId 'UnknownNetwork' -Pipe
    Add-Case -Cmdlet 'Get-XRocketWithdrawalQuota' -Name 'asset XYZ' -Params @{ Network = 'TON'; Asset = 'XYZ' } -ErrorId 'UnknownAsset' -Pipe
    Add-Case -Cmdlet 'Get-XRocketWithdrawalQuota' -Name 'network empty' -Params @{ Network = ''; Asset = 'TONCOIN' } -ErrorId 'MissingParameter' -Pipe

    foreach ($pair in @(
            @('Get-XRocketCheque', 'Id'), @('Get-XRocketCheque', 'ClientChequeId'), @('Remove-XRocketCheque', 'Id'), @('Remove-XRocketCheque', 'ClientChequeId'),
            @('Get-XRocketInvoice', 'Id'), @('Get-XRocketInvoice', 'ClientInvoiceId'), @('Remove-XRocketInvoice', 'Id'), @('Remove-XRocketInvoice', 'ClientInvoiceId'),
            @('Get-XRocketInvoicePayment', 'InvoiceId'), @('Get-XRocketInvoicePayment', 'ClientInvoiceId'),
            @('Get-XRocketTransfer', 'Id'), @('Get-XRocketTransfer', 'ClientTransferId'),
            @('Get-XRocketWithdrawal', 'Id'), @('Get-XRocketWithdrawal', 'ClientWithdrawalId'),
            @('Wait-XRocketWithdrawal', 'Id'), @('Wait-XRocketWithdrawal', 'ClientWithdrawalId'),
            @('Wait-XRocketInvoice', 'Id'), @('Wait-XRocketInvoice', 'ClientInvoiceId')
        )) {
        Add-Case -Cmdlet $pair[0] -Name "$($pair[1]) blank" -Params @{ $pair[1] = ' ' } -ErrorId 'MissingParameter'
    }
    Add-Case -Cmdlet 'Get-XRocketCheque' -Name 'Id 101' -Params @{ Id = (& $long 101) } -ErrorId 'InvalidParameter'
    Add-Case -Cmdlet 'Set-XRocketCheque' -Name 'Id blank' -Params @{ Id = ' '; Description = 'x' } -ErrorId 'MissingParameter'
    Add-Case -Cmdlet 'Set-XRocketCheque' -Name 'description 1001' -Params @{ Id = '1'; Description = (& $long 1001) } -ErrorId 'InvalidParameter'
    Add-Case -Cmdlet 'Get-XRocketInvoice' -Name 'asset XYZ' -Params @{ Asset = 'XYZ' } -ErrorId 'UnknownAsset'
    Add-Case -Cmdlet 'New-XRocketInvoicePaymentAddress' -Name 'invoice id blank' -Params @{ InvoiceId = ' '; Network = 'TON' } -ErrorId 'MissingParameter'
    Add-Case -Cmdlet 'New-XRocketInvoicePaymentAddress' -Name 'network MARS' -Params @{ InvoiceId = '1'; Network = 'MARS' } -ErrorId 'UnknownNetwork'
    Add-Case -Cmdlet 'Invoke-XRocketInvoicePayment' -Name 'invoice id blank' -Params @{ InvoiceId = ' ' } -ErrorId 'MissingParameter'
    Add-Case -Cmdlet 'Invoke-XRocketInvoicePayment' -Name 'pay currency empty' -Params @{ InvoiceId = '1'; PayCurrency = '' } -ErrorId 'MissingParameter'
    Add-Case -Cmdlet 'Invoke-XRocketInvoicePayment' -Name 'pay currency XYZ' -Params @{ InvoiceId = '1'; PayCurrency = 'XYZ' } -ErrorId 'UnknownAsset'
    Add-Case -Cmdlet 'Invoke-XRocketInvoicePayment' -Name 'amount 1,5' -Params @{ InvoiceId = '1'; Amount = '1,5' } -ErrorId 'InvalidAmount'
    Add-Case -Cmdlet 'Get-XRocketBalance' -Name 'asset typo' -Params @{ Asset = 'TONCION' } -ErrorId 'UnknownAsset'
    Add-Case -Cmdlet 'Get-XRocketBalance' -Name 'asset ton coin' -Params @{ Asset = 'ton coin' } -ErrorId 'UnknownAsset'
    Add-Case -Cmdlet 'Get-XRocketCurrency' -Name 'code XYZ' -Params @{ Code = 'XYZ' } -ErrorId 'UnknownAsset'
    Add-Case -Cmdlet 'Get-XRocketRate' -Name 'asset XYZ' -Params @{ Asset = 'XYZ' } -ErrorId 'UnknownAsset'
    Add-Case -Cmdlet 'ConvertFrom-XRocketWebhook' -Name 'body not json' -Params @{ Body = 'not json' } -ErrorId 'InvalidWebhookBody' -Category 'InvalidData' -Pipe
    Add-Case -Cmdlet 'ConvertFrom-XRocketWebhook' -Name 'body an array' -Params @{ Body = '[1]' } -ErrorId 'InvalidWebhookBody' -Category 'InvalidData' -Pipe
    Add-Case -Cmdlet 'Get-XRocketJournal' -Name 'no such journal' -Params @{ Path = '/nonexistent/xrocket-journal.jsonl' } -ErrorId 'JournalNotFound' -Category 'ObjectNotFound' -Pipe
    $key = [System.Net.NetworkCredential]::new('', 'sandbox-token').SecurePassword
    Add-Case -Cmdlet 'Connect-XRocket' -Name 'proxy with plain http' -Params @{ BaseUri = 'BASEURI'; Proxy = 'http://127.0.0.1:9'; ApiKey = $key } -ErrorId 'InvalidParameter' -Terminating
    Add-Case -Cmdlet 'Connect-XRocket' -Name 'plain http to a remote host' -Params @{ BaseUri = 'http://example.com'; ApiKey = $key } -ErrorId 'InvalidParameter' -Terminating
    $webhookSecret = [System.Net.NetworkCredential]::new('', 'sandbox-webhook-secret').SecurePassword
    Add-Case -Cmdlet 'Receive-XRocketWebhook' -Name 'secret empty' -Params @{ Prefix = 'http://127.0.0.1:9/'; Secret = [System.Security.SecureString]::new(); Count = 1 } -ErrorId 'MissingParameter' -Terminating
    Add-Case -Cmdlet 'Receive-XRocketWebhook' -Name 'prefix not http' -Params @{ Prefix = 'ftp://127.0.0.1:9/'; Secret = $webhookSecret; Count = 1 } -ErrorId 'InvalidParameter' -Terminating
    $script:Corpus = $cases
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Open-TestSandbox -Connect
    $script:ConfirmPreference = 'None'
    $script:Tally = @{ Inputs = 0; Sent = 0; Accepted = 0 }

    # The input as the error should carry it: a row's properties, or the bound parameters (or the one id given).
    function Assert-Target($Target, [hashtable] $Params) {
        if ($Target -is [string]) {
            @($Params.Values | ForEach-Object { "$_" }) | Should -Contain $Target
            return
        }

        foreach ($key in $Params.Keys) {
            $property = $Target.PSObject.Properties[$key]
            $property | Should -Not -BeNullOrEmpty -Because "the TargetObject carries $key"
            if ($key -notin 'ClientTransferId') {
                "$(@($property.Value) -join ',')" | Should -Be "$(@($Params[$key]) -join ',')"
            }
        }
    }
}

AfterAll {
    Write-Host ("Bad-input corpus: {0} inputs, {1} state-changing requests sent, {2} silently accepted" -f $script:Tally.Inputs, $script:Tally.Sent, $script:Tally.Accepted)
    Disconnect-XRocket -ErrorAction SilentlyContinue
    Close-TestSandbox
}

Describe 'The bad-input corpus (issue 14)' {
    It 'has at least 100 inputs covering every cmdlet that takes input' -ForEach @(@{ Count = $script:Corpus.Count; Cmdlets = @($script:Corpus.Cmdlet | Sort-Object -Unique) }) {
        $Count | Should -BeGreaterOrEqual 100
        $takesInput = Get-Command -Module XRocketPay | Where-Object Name -NotIn 'Disconnect-XRocket', 'Get-XRocketConnection', 'Get-XRocketApp', 'Test-XRocketWebhookSignature'
        foreach ($command in $takesInput) { $Cmdlets | Should -Contain $command.Name }
    }

    It '<Cmdlet>: <Name> → <ErrorId>' -ForEach $script:Corpus {
        Clear-SandboxRequest
        $params = $Params
        if ($Params -is [hashtable] -and $Params.ContainsKey('BaseUri') -and $Params.BaseUri -eq 'BASEURI') { $params = $Params.Clone(); $params.BaseUri = $script:BaseUri }
        $script:Tally.Inputs++
        $e = @()
        if ($Terminating) {
            try { & $Cmdlet @params -ErrorAction Stop } catch { $e = @($_) }
            Connect-TestSandbox
        } elseif ($Pipe) {
            $row = if ($Params -is [hashtable]) { [pscustomobject]$Params } else { $Params }
            $null = @($row, $row) | & $Cmdlet -ErrorVariable e -ErrorAction SilentlyContinue
        } else {
            $null = 1..2 | ForEach-Object { & $Cmdlet @params -ErrorVariable +e -ErrorAction SilentlyContinue }
        }

        $sent = @(Get-StateChangingRequest).Count
        $script:Tally.Sent += $sent
        if ($e.Count -eq 0) { $script:Tally.Accepted++ }
        $e.Count | Should -Be $(if ($Terminating) { 1 } else { 2 }) -Because 'each input is an error, and the second copy still runs'
        foreach ($err in $e) {
            $err.FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
            $err.CategoryInfo.Category | Should -Be $Category
            if (-not $Terminating) {
                $expected = if ($Params -is [hashtable]) { $params } else { $h = @{}; $Params.PSObject.Properties | ForEach-Object { $h[$_.Name] = $_.Value }; $h }
                Assert-Target $err.TargetObject $expected
            }
        }
        $sent | Should -Be 0
    }
}

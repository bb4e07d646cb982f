# Issue 25 (what a new user met, part 3): the sequences a new user ran, in real pwsh against the sandbox.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Open-TestSandbox
    Connect-TestSandbox

    # This pwsh, as a child process (pwsh itself, or dotnet with pwsh.dll).
    function Invoke-ChildPwsh {
        param([string[]] $ArgumentList, [switch] $RedirectInput)
        $process = [Environment]::ProcessPath
        [string[]] $prefix = if ([System.IO.Path]::GetFileNameWithoutExtension($process) -ne 'pwsh') { Join-Path $PSHOME 'pwsh.dll' } else { @() }
        $all = $prefix + @('-NoProfile') + $ArgumentList
        if ($RedirectInput) { '' | & $process @all 2>&1 | ForEach-Object { "$_" } }
        else { & $process @all 2>&1 | ForEach-Object { "$_" } }
    }

    function Get-TransferTo {
        param([string] $User)
        @(Get-XRocketTransfer | Where-Object Target -EQ $User)
    }
}

AfterAll {
    Close-TestSandbox
}

Describe 'A -BatchId row keeps its id when its amount is fixed (item 1)' {
    BeforeAll {
        Clear-SandboxState
        $script:Csv = Join-Path $TestDrive 'payouts.csv'
        $script:Retry = Join-Path $TestDrive 'retry.csv'
        @(
            [pscustomobject]@{ TelegramUserId = '1001'; Amount = '1'; Asset = 'USDT' }
            [pscustomobject]@{ TelegramUserId = '1002'; Amount = '1,5'; Asset = 'USDT' }
            [pscustomobject]@{ TelegramUserId = '1003'; Amount = '2'; Asset = 'USDT' }
            [pscustomobject]@{ TelegramUserId = '1004'; Amount = '2.5'; Asset = 'USDT' }
            [pscustomobject]@{ TelegramUserId = '1005'; Amount = '3'; Asset = 'USDT' }
        ) | Export-Csv -LiteralPath $script:Csv -NoTypeInformation
    }

    It 'the retry file, then the fixed original: exactly one transfer for that recipient' {
        $first = Import-Csv -LiteralPath $script:Csv | New-XRocketTransfer -BatchId nov -Confirm:$false -ErrorVariable bad -ErrorAction SilentlyContinue
        @($first | Where-Object Outcome -EQ Sent).Count | Should -Be 4
        $bad.Count | Should -Be 1

        # The README's way: the refused rows to a retry file, fixed, run with the same batch id (twice).
        $bad.TargetObject | Export-Csv -LiteralPath $script:Retry -NoTypeInformation
        (Get-Content -LiteralPath $script:Retry -Raw).Replace('1,5', '1.5') | Set-Content -LiteralPath $script:Retry
        (Import-Csv -LiteralPath $script:Retry | New-XRocketTransfer -BatchId nov -Confirm:$false).Outcome | Should -Be 'Sent'
        (Import-Csv -LiteralPath $script:Retry | New-XRocketTransfer -BatchId nov -Confirm:$false).Outcome | Should -Be 'AlreadyDone'

        # Then the user fixes the original file too, as people do, and runs it again.
        (Get-Content -LiteralPath $script:Csv -Raw).Replace('1,5', '1.5') | Set-Content -LiteralPath $script:Csv
        $again = Import-Csv -LiteralPath $script:Csv | New-XRocketTransfer -BatchId nov -Confirm:$false
        @($again.Outcome) | Should -Be @('AlreadyDone', 'AlreadyDone', 'AlreadyDone', 'AlreadyDone', 'AlreadyDone')

        @(Get-TransferTo -User '1002').Count | Should -Be 1
        @(Get-XRocketTransfer).Count | Should -Be 5
    }

    It 'a paid row re-run with another amount is refused, and nothing is sent' {
        (Get-Content -LiteralPath $script:Csv -Raw).Replace('"1.5"', '"1.75"') | Set-Content -LiteralPath $script:Csv
        Clear-SandboxRequest
        $null = Import-Csv -LiteralPath $script:Csv | New-XRocketTransfer -BatchId nov -Confirm:$false -ErrorVariable conflict -ErrorAction SilentlyContinue
        $conflict.Count | Should -Be 1
        $conflict[0].TargetObject.TelegramUserId | Should -Be '1002'
        @(Get-TransferTo -User '1002').Count | Should -Be 1
        @(Get-XRocketTransfer).Count | Should -Be 5
    }

    It 'a journal written before identity ids is refused, with the reason, and nothing is sent' {
        $old = Join-Path $TestDrive 'old.jsonl'
        @(
            '{"type":"run","at":"2026-11-01T00:00:00.000Z","batchId":"nov","command":"New-XRocketTransfer","version":2}'
            '{"type":"intent","at":"2026-11-01T00:00:00.000Z","clientTransferId":"b-0123456789abcdef0123456789abcdef01234567","target":"1001","asset":"USDT","amount":"1"}'
        ) | Set-Content -LiteralPath $old
        Clear-SandboxRequest
        { Import-Csv -LiteralPath $script:Csv | New-XRocketTransfer -BatchId nov -Journal $old -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'JournalUnusable,*' -ExpectedMessage '*earlier XRocketPay*client ids were made another way*'
        Get-StateChangingRequest | Should -BeNullOrEmpty
    }

    It 'ids read as the batch, within 50 characters, and Get-XRocketTransfer -BatchId lists what the batch paid' {
        $paid = @(Get-XRocketTransfer -BatchId nov)
        $paid.Count | Should -Be 5
        $paid.ClientTransferId | ForEach-Object { $_ | Should -Match '^b-nov-[0-9a-f]{8}-[0-9a-f]{20}$' }
        @(Get-XRocketTransfer -BatchId dec).Count | Should -Be 0
    }
}

Describe 'Scripts that forget -Confirm:$false (item 3)' {
    BeforeAll {
        $script:Child = Join-Path $TestDrive 'pay.ps1'
        @'
param([string] $Manifest, [string] $BaseUri, [switch] $Stop)
if ($Stop) { $ErrorActionPreference = 'Stop' }
Import-Module $Manifest
Connect-XRocket -BaseUri $BaseUri -ApiKey ([System.Net.NetworkCredential]::new('', 'sandbox-token').SecurePassword)
New-XRocketTransfer -TelegramUserId 2001 -Asset USDT -Amount 1
'the script went on'
'@ | Set-Content -LiteralPath $script:Child
    }

    It 'a host run with <Case> gets the module''s error, nothing is sent' -ForEach @(
        @{ Case = '-NonInteractive'; Arguments = @('-NonInteractive'); Redirect = $false; Why = 'NonInteractive' }
        @{ Case = 'standard input redirected'; Arguments = @(); Redirect = $true; Why = 'standard input is redirected' }
    ) {
        Clear-SandboxRequest
        $out = Invoke-ChildPwsh -ArgumentList ($Arguments + @('-File', $script:Child, '-Manifest', $script:StagedManifest, '-BaseUri', $script:BaseUri)) -RedirectInput:$Redirect
        $text = $out -join "`n"
        $text | Should -Match 'cannot ask'
        $text | Should -Match ([regex]::Escape($Why))
        $text | Should -Match 'Transfer 1 USDT'
        $text | Should -Match '-WhatIf'
        $text | Should -Match ([regex]::Escape('-Confirm:$false'))
        $text | Should -Not -Match 'Object reference|Read and Prompt functionality'
        Get-StateChangingRequest | Should -BeNullOrEmpty
    }

    It 'with $ErrorActionPreference = ''Stop'' the script ends there with a non-zero exit code' {
        $out = Invoke-ChildPwsh -ArgumentList @('-NonInteractive', '-File', $script:Child, '-Manifest', $script:StagedManifest, '-BaseUri', $script:BaseUri, '-Stop')
        $LASTEXITCODE | Should -Not -Be 0
        ($out -join "`n") | Should -Not -Match 'the script went on'
    }
}

Describe 'Every row error names its row (item 4)' {
    It 'a bad amount: its place, recipient and client id, in the message and in TargetObject' {
        $rows = @(
            [pscustomobject]@{ TelegramUserId = '3001'; Amount = '1'; Asset = 'USDT' }
            [pscustomobject]@{ TelegramUserId = '3002'; Amount = '1,5'; Asset = 'USDT' }
        )
        $null = $rows | New-XRocketTransfer -BatchId rows -WhatIf -ErrorVariable bad -ErrorAction SilentlyContinue
        $bad.Count | Should -Be 1
        $id = $bad[0].TargetObject.ClientTransferId
        $bad[0].ToString() | Should -BeLike "Row 2 (TelegramUserId 3002, client id $id): -Amount: '1,5' uses ','*"
        $bad[0].FullyQualifiedErrorId | Should -BeLike 'InvalidAmount*'
    }

    It 'a row refused by the API is named too; a call with parameters names its recipient' {
        $null = [pscustomobject]@{ TelegramUserId = '3003'; Amount = '99999999'; Asset = 'USDT' } |
            New-XRocketTransfer -Confirm:$false -ErrorVariable refused -ErrorAction SilentlyContinue
        $refused.Count | Should -Be 1
        $refused[0].ToString() | Should -BeLike "Row 1 (TelegramUserId 3003, client id $($refused[0].TargetObject.ClientTransferId)): *"
        $null = New-XRocketTransfer 3005 USDT 99999999 -ClientTransferId own-3005 -Confirm:$false -ErrorVariable single -ErrorAction SilentlyContinue
        $single[0].ToString() | Should -BeLike 'TelegramUserId 3005 (client id own-3005): *'
    }

    It 'a row without the required columns lists the columns it has and the names each parameter accepts' {
        $null = [pscustomobject]@{ userid = '3004'; ammount = '1'; coin = 'USDT' } |
            New-XRocketTransfer -WhatIf -ErrorVariable missing -ErrorAction SilentlyContinue
        $message = $missing[0].ToString()
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'MissingParameter*'
        $message | Should -Match 'Row 1 \(TelegramUserId 3004'
        $message | Should -Match 'no Amount, no Asset'
        $message | Should -Match 'Its columns: userid, ammount, coin'
        $message | Should -Match 'Amount from a column named Amount'
        $message | Should -Match 'Asset from a column named Asset, Currency'
    }
}

Describe 'Connection errors name the address (item 5)' {
    AfterAll { Connect-TestSandbox }

    It 'nothing listening: the address and, for the sandbox, -BaseUri' {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start(); $port = $listener.LocalEndpoint.Port; $listener.Stop()
        $failure = { Connect-XRocket -Environment Sandbox -BaseUri "http://127.0.0.1:$port" -MaxRetries 0 } | Should -Throw -PassThru
        "$failure" | Should -Match "http://127\.0\.0\.1:$port/"
        "$failure" | Should -Match '\w\. No sandbox answered'
        "$failure" | Should -Match '-BaseUri'
        # An installed user has the .NET tool, not the repository's script module: the tool comes first (issue 30 item 2).
        "$failure" | Should -Match 'xrocket-sandbox tool.*http://127\.0\.0\.1:5080.*source repository.*XRocketSandbox\.psm1'
    }

    It 'a failed Connect-XRocket says the earlier connection was dropped' {
        Connect-TestSandbox
        $failure = { Connect-TestSandbox -Token 'wrong-token' } | Should -Throw -PassThru
        "$failure" | Should -Match 'earlier connection .* was dropped'
        Get-XRocketConnection -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }
}

Describe 'Lists a user can audit (item 6)' {
    BeforeAll {
        Clear-SandboxState
        $null = New-XRocketTransfer 4001 USDT 1 -BatchId audit -Confirm:$false
        $null = New-XRocketTransfer 4002 TONCOIN 1 -Confirm:$false
    }

    It '-Status, -Asset and -TelegramUserId filter the list' {
        @(Get-XRocketTransfer -Status finished).Count | Should -Be 2
        @(Get-XRocketTransfer -Status failed).Count | Should -Be 0
        (Get-XRocketTransfer -Asset usdt).Target | Should -Be '4001'
        (Get-XRocketTransfer -TelegramUserId 4002).Asset | Should -Be 'TONCOIN'
        (Get-XRocketTransfer -BatchId audit).Target | Should -Be '4001'
    }

    It 'an unknown -Status is a warning naming the known ones' {
        $null = Get-XRocketTransfer -Status finshed -WarningVariable typo -WarningAction SilentlyContinue
        "$typo" | Should -BeLike '*known: finished, failed*used as given*'
    }

    It '-Status is completed by Tab' {
        $line = 'Get-XRocketTransfer -Status '
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('failed', 'finished')
    }
}

Describe 'The smaller points (item 9)' {
    It '-WhatIf before connecting checks the asset against the offline catalogue' {
        Disconnect-XRocket
        try {
            $null = New-XRocketTransfer 5001 TONCOIM 1 -WhatIf -ErrorVariable unknown -ErrorAction SilentlyContinue
            $unknown[0].FullyQualifiedErrorId | Should -BeLike 'UnknownAsset*'
            "$($unknown[0])" | Should -Match 'offline catalogue'
        }
        finally { Connect-TestSandbox }
    }

    It 'an amount is tidy in the property itself, through Select-Object' {
        (New-XRocketTransfer 5001 USDT '1.50' -Confirm:$false | Select-Object -ExpandProperty Amount).ToString() | Should -Be '1.5'
        (New-XRocketInvoice -Currency USDT -Amount '4.00' -Confirm:$false | Select-Object -ExpandProperty PriceAmount).ToString() | Should -Be '4'
    }

    It 'the sandbox''s own messages are tidy' {
        Clear-SandboxState
        # Two halves leave a balance the sandbox held as 9999.0 (decimal keeps the scale of what it summed).
        $null = New-XRocketTransfer 5002 USDT 0.5 -Confirm:$false
        $null = New-XRocketTransfer 5003 USDT 0.5 -Confirm:$false
        $null = New-XRocketTransfer 5004 USDT 99999999 -Confirm:$false -ErrorVariable over -ErrorAction SilentlyContinue
        "$($over[0])" | Should -Match 'Available [0-9]+ USDT is less than 99999999 USDT'
    }
}

Describe 'What a new user met, part 4 (issue 30)' {
    It 'a semicolon CSV read with the default delimiter gets the -Delimiter hint; nothing is sent' {
        $csv = Join-Path $TestDrive 'semicolon.csv'
        Set-Content -LiteralPath $csv -Value @('TelegramUserId;Asset;Amount', '6001;USDT;1', '6002;USDT;2')
        Clear-SandboxRequest
        $null = Import-Csv $csv | New-XRocketTransfer -Confirm:$false -ErrorVariable semicolon -ErrorAction SilentlyContinue
        $semicolon.Count | Should -Be 2
        $semicolon[0].FullyQualifiedErrorId | Should -BeLike 'MissingParameter*'
        "$($semicolon[0])" | Should -BeLike "*Import-Csv -Delimiter ';'*"
        Get-StateChangingRequest | Should -BeNullOrEmpty
        # A row that merely lacks a column gets no such hint.
        $null = [pscustomobject]@{ userid = '6003' } | New-XRocketTransfer -WhatIf -ErrorVariable plain -ErrorAction SilentlyContinue
        "$($plain[0])" | Should -Not -BeLike '*-Delimiter*'
    }

    It 'the mass -WhatIf counts distinct Telegram users: 201 rows to 200 users' {
        $rows = @(1..200 | ForEach-Object { [pscustomobject]@{ TelegramUserId = 60000 + $_; Asset = 'TRX'; Amount = '0.01' } }) +
            [pscustomobject]@{ TelegramUserId = 60001; Asset = 'TRX'; Amount = '0.02'; ClientTransferId = 'second-to-60001' }
        $transcript = Join-Path $TestDrive 'mass-whatif.txt'
        $null = Start-Transcript -Path $transcript
        try { $rows | New-XRocketMassTransfer -SkipPreflight -WhatIf | Out-Null }
        finally { $null = Stop-Transcript }
        $text = Get-Content -LiteralPath $transcript -Raw
        $text | Should -BeLike '*in 201 transfer(s)*'
        $text | Should -BeLike '*"200 Telegram user(s)"*'
    }

    It 'an Unknown row after an outage is named like every row error, with the advice once' {
        Clear-SandboxState
        $key = [System.Net.NetworkCredential]::new('', 'sandbox-token').SecurePassword
        Connect-XRocket -BaseUri $script:BaseUri -ApiKey $key -MaxRetries 0
        # The transfer routes stay silent (503) for longer than the run settles for (about 30 s): the row stays Unknown.
        foreach ($path in $script:Family.Many, $script:Family.One) {
            Add-SandboxFault @{ path = $path; mode = 'status'; status = 503; count = 10000 }
        }
        try {
            $result = [pscustomobject]@{ TelegramUserId = 6100; Asset = 'TRX'; Amount = '1' } |
                New-XRocketTransfer -BatchId outage-30 -Confirm:$false -ErrorVariable unknown -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        }
        finally {
            $script:SandboxAdmin.ClearFaults()
            Connect-TestSandbox
        }

        $result.Outcome | Should -Be 'Unknown'
        $message = "$($unknown[0])"
        $message | Should -BeLike "Row 1 (TelegramUserId 6100, client id $($result.ClientTransferId)): *"
        $message | Should -BeLike '*The outcome is unknown*-BatchId outage-30*'
        ([regex]::Matches($message, 'again|re-run')).Count | Should -Be 1 -Because $message
        $unknown[0].ErrorDetails.RecommendedAction | Should -BeNullOrEmpty
    }
}
